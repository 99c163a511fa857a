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
  /** Commercial coaching (issue 14): `mobilizerId`, `stages` (Y.Map stage id → `checklist`, `evidence`, `note`). */
  coaching: Y.Map<unknown>;
  /** Negotiable point id → Y.Map (issue 14): `text`, `answers`, `concededTo`, `status`, `order`. */
  negotiables: YRecordMap;
  /** The mental model (issue 14): `current` (A) and `agreed` (B), each a graph Y.Map of `nodes` and `links`. */
  mentalModel: Y.Map<unknown>;
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
    coaching: doc.getMap('coaching'),
    negotiables: doc.getMap('negotiables'),
    mentalModel: doc.getMap('mentalModel'),
  };
}
