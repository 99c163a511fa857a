export { type UntilOptions, until } from './until.ts';
