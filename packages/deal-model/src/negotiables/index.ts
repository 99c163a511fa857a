export * from './negotiable-references.ts';
export * from './negotiables.ts';
