export { checkOrigin, isAllowedOrigin } from './check-origin.ts';
