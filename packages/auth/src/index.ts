export * from './access/index.ts';
export * from './password/index.ts';
export * from './session/index.ts';
