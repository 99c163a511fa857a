export * from './overdue.ts';
export * from './plan.ts';
