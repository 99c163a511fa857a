export * from './auth.ts';
export * from './deals.ts';
export * from './errors.ts';
export * from './guide-links.ts';
export * from './integration.ts';
export * from './invites.ts';
export * from './status.ts';
export { email, oneOf, optionalText, type TextOptions, text, timestamp, uuid } from './strings.ts';
export * from './voices.ts';
