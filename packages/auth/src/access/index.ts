export {
  type AccessFacts,
  type DealRole,
  dealRole,
  type MembershipRole,
  type RoomAccess,
  roomAccess,
  roomAccessByRole,
} from './room-access.ts';
export { isUuid, parseRoomName, type RoomKind, type RoomRef, roomName } from './room-name.ts';
