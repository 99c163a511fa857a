export * from './coaching.ts';
export * from './coaching-references.ts';
