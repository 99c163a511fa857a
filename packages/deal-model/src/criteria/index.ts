export * from './criteria.ts';
export * from './option-scores.ts';
