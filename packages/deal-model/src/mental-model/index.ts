export * from './mental-model.ts';
export * from './model-diff.ts';
export * from './model-references.ts';
