export {
  type CommentFacts,
  type CommentNotifierOptions,
  type MentionNotice,
  notifyComment,
} from './comment-notifications.ts';
export {
  insertNotifications,
  listNotifications,
  markRead,
  type NewNotification,
  unreadCount,
} from './notification-store.ts';
export { type NotificationRoutesOptions, notificationRoutes } from './routes.ts';
