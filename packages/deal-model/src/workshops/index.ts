export * from './suggest-agenda.ts';
export * from './suggest-commitment.ts';
export * from './workshops.ts';
