export {
  type Auth,
  type AuthUser,
  type CreateAuthOptions,
  createAuth,
  type NewSession,
  type OrgRole,
  SESSION_COOKIE,
  type ValidSession,
} from './create-auth.ts';
export { generateToken, hashToken } from './token.ts';
