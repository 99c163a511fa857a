export * from './mobilizer-tests.ts';
export * from './suggest-profile.ts';
