export { type AccountView, accountView, checkCredentials, type SignupInput, signUp } from './accounts.ts';
export { type AuthRateLimits, type AuthRoutesOptions, authRoutes, defaultAuthRateLimits } from './routes.ts';
export { loadSession, requireUser } from './session-middleware.ts';
