export * from './outbox/index.ts';
export * from './preferences/index.ts';
export * from './templates/index.ts';
export * from './transport/index.ts';
