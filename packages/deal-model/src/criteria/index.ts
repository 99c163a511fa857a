export * from './criteria.ts';
export * from './option-scores.ts';
export * from './weight-total.ts';
