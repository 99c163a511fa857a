export * from './blocker-plans.ts';
export * from './insight.ts';
export * from './seller-doc.ts';
