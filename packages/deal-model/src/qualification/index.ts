export * from './qualification.ts';
export * from './qualification-score.ts';
export * from './qualification-vocabulary.ts';
