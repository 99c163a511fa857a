/**
 * @quorum/deal-model: the deal room's document schema (DESIGN.md section 2) with typed read and write
 * helpers, the initial state of a new deal, a sample deal, and the deal status and health model
 * (section 3, docs/health-model.md). Pure TypeScript on yjs; runs in the browser and on the server.
 */
export * from './activity/index.ts';
export * from './buyer-doc/index.ts';
export * from './coaching/index.ts';
export * from './criteria/index.ts';
export * from './exchange/index.ts';
export * from './guides/index.ts';
export * from './learning/index.ts';
export * from './mental-model/index.ts';
export * from './mobilizer-test/index.ts';
export * from './negotiables/index.ts';
export * from './objections/index.ts';
export * from './options/index.ts';
export * from './plan/index.ts';
export * from './presence/index.ts';
export * from './private-notes/index.ts';
export * from './qualification/index.ts';
export { compareOrdered, newId, orderBetween, replaceText } from './records/index.ts';
export * from './relationships/index.ts';
export * from './sample-deal/index.ts';
export * from './seller-doc/index.ts';
export * from './shared-doc/index.ts';
export * from './stakeholders/index.ts';
export * from './status/index.ts';
export * from './versions/index.ts';
export * from './vocabulary/index.ts';
export * from './voices/index.ts';
export * from './workshops/index.ts';
