export { loginUrl, safeNext } from './next.ts';
