export {
  acceptInvite,
  type CreatedInvite,
  createInvite,
  INVITE_LIFETIME_MS,
  type InvitePreview,
  type InviteRole,
  previewInvite,
} from './invites.ts';
export { inviteRoutes } from './routes.ts';
