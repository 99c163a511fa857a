export * from './blocker-actions.ts';
export * from './objection-vocabulary.ts';
export * from './plan-stages.ts';
export * from './stakeholder-vocabulary.ts';
export * from './validate.ts';
export * from './workshop-vocabulary.ts';
