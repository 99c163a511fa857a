export * from './accounts.ts';
export * from './documents.ts';
export * from './guides.ts';
export * from './mail.ts';
export * from './password-resets.ts';
export * from './status.ts';
