export { type TokenRoutesOptions, tokenRoutes } from './routes.ts';
export {
  createTokenAuthenticator,
  DEFAULT_TOKEN_RATE,
  type TokenAuthenticator,
  type TokenAuthenticatorOptions,
} from './token-auth.ts';
export {
  API_TOKEN_PREFIX,
  type ApiTokenView,
  createApiToken,
  deleteApiToken,
  findTokenHolder,
  listApiTokens,
  readBearerToken,
  type TokenHolder,
} from './token-store.ts';
