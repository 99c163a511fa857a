export * from './compute-status.ts';
export * from './consensus.ts';
export * from './disconnects.ts';
export * from './group-counts.ts';
export * from './health.ts';
export * from './intent-curve.ts';
export * from './risk-sources.ts';
export * from './status-types.ts';
