export {
  type CommentBus,
  type CommentBusEvent,
  type CommentBusListener,
  createLocalCommentBus,
} from './comment-bus.ts';
export { type DealPerson, loadDealPeople, mentionablePeople } from './deal-people.ts';
export { type LiveStream, type LiveStreamOptions, liveStream } from './event-stream.ts';
export { createRedisCommentBus, type RedisCommentBus, type RedisCommentBusOptions } from './redis-comment-bus.ts';
export { type CommentRoutesOptions, commentRoutes } from './routes.ts';
export { readableSides, sideAccess } from './side-access.ts';
