export { checkOrigin, hasBearerToken, isAllowedOrigin } from './check-origin.ts';
