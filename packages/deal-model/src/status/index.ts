export * from './status-types.ts';
