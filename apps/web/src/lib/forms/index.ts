export { type FieldErrors, FormState } from './form.svelte.ts';
export * as validate from './validate.ts';
