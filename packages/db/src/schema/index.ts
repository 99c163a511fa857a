export * from './accounts.ts';
export * from './comments.ts';
export * from './documents.ts';
export * from './guides.ts';
export * from './integration.ts';
export * from './mail.ts';
export * from './status.ts';
export * from './webhooks.ts';
