export * from './sample-deal.ts';
