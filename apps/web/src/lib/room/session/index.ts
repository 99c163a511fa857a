export { type FieldRoom, fieldRoomOf, mayAnnounce } from '@quorum/deal-model';
export {
  backOffDelay,
  type CloseHandling,
  type Connection,
  closeHandlingOf,
  connectionOf,
  describeRefusal,
  type ProviderState,
} from './connection-state.ts';
export { fieldKey, type Peer, type PresenceState, peersOf } from './presence.ts';
export { initials, presenceColour } from './presence-colours.ts';
export { type PrivateSide, type RoomPlan, type RoomRole, roomsFor } from './room-names.ts';
export { type EditingField, RoomSession, type RoomSessionOptions, type RoomUser } from './room-session.svelte.ts';
export { UndoHistory } from './undo-history.ts';
