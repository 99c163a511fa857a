export * from './guide-projection.ts';
export * from './guides.ts';
