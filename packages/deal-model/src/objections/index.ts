export * from './objections.ts';
