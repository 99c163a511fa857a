export * from './stakeholders.ts';
