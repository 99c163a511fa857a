export * from './relationships.ts';
