export * from './presence-fields.ts';
export * from './presence-state.ts';
