export { email, oneOf, optionalText, type TextOptions, text } from './fields.ts';
export { type JsonObject, readJson } from './read-json.ts';
