export * from './private-notes.ts';
