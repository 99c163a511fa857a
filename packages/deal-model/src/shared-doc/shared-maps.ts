import type * as Y from 'yjs';
import type { YRecordMap } from '../records/index.ts';

/** The schema version `initSharedDoc` writes into `meta.schemaVersion`. */
export const SCHEMA_VERSION = 1;

/** The top-level types of the shared document (DESIGN.md section 2), by their exact names. */
export interface SharedMaps {
  meta: Y.Map<unknown>;
  stakeholders: YRecordMap;
  relationships: YRecordMap;
  options: YRecordMap;
  criteria: YRecordMap;
  objections: YRecordMap;
  /** Stage id → Y.Map holding `verifiers` (Y.Map id → Y.Map). */
  plan: YRecordMap;
  /** Stakeholder id → guide Y.Map. */
  guides: YRecordMap;
  /** Stakeholder id → their own answer (DESIGN.md 7a): `weights`, `concerns`, `missing`, `submittedAt`, `via`. */
  voices: YRecordMap;
  /** Workshop id → Y.Map (DESIGN.md 7c): `title`, `date`, `attendees`, `agenda`, `outcome`. */
  workshops: YRecordMap;
}

/** Returns the shared document's top-level maps (e.g. to `observeDeep` one of them in a UI). */
export function sharedMaps(doc: Y.Doc): SharedMaps {
  return {
    meta: doc.getMap('meta'),
    stakeholders: doc.getMap('stakeholders'),
    relationships: doc.getMap('relationships'),
    options: doc.getMap('options'),
    criteria: doc.getMap('criteria'),
    objections: doc.getMap('objections'),
    plan: doc.getMap('plan'),
    guides: doc.getMap('guides'),
    voices: doc.getMap('voices'),
    workshops: doc.getMap('workshops'),
  };
}
