export * from './buying-group.ts';
export * from './learn-from-closed.ts';
