export * from './init-shared-doc.ts';
export * from './meta.ts';
export * from './method-link-exists.ts';
export * from './repair-references.ts';
export * from './shared-maps.ts';
