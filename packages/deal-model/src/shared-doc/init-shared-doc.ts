import type * as Y from 'yjs';
import { ensureMentalModel } from '../mental-model/mental-model.ts';
import { STATUS_QUO_OPTION_NAME } from '../options/options.ts';
import { addVerifier, ensureStageVerifiers } from '../plan/plan.ts';
import { createRecord } from '../records/index.ts';
import { PLAN_STAGE_IDS, SUGGESTED_VERIFIERS } from '../vocabulary/index.ts';
import { SCHEMA_VERSION, sharedMaps } from './shared-maps.ts';

/** What a new deal room is called and between whom. */
export interface InitSharedDocOptions {
  title: string;
  /** The buyer company. */
  buyer: string;
  /** The seller company. */
  seller?: string;
  /** Seed every plan stage with seed 003's suggested customer verifiers (default true). */
  suggestedVerifiers?: boolean;
}

/**
 * Creates a new deal's shared document in one transaction: `meta` (schemaVersion 1), the five plan
 * stages each with suggested customer verifiers, the status-quo option "Do nothing (status quo)", and the
 * mental model's empty A and B graphs.
 * Does nothing and returns false when the document was already initialised (meta.schemaVersion set).
 * Call it once, where the deal is created (two clients initialising concurrently would duplicate records).
 */
export function initSharedDoc(
  doc: Y.Doc,
  { title, buyer, seller = '', suggestedVerifiers = true }: InitSharedDocOptions,
): boolean {
  const maps = sharedMaps(doc);
  if (maps.meta.has('schemaVersion')) return false;
  doc.transact(() => {
    maps.meta.set('title', title);
    maps.meta.set('buyer', buyer);
    maps.meta.set('seller', seller);
    maps.meta.set('schemaVersion', SCHEMA_VERSION);
    for (const stageId of PLAN_STAGE_IDS) {
      ensureStageVerifiers(doc, stageId);
      if (suggestedVerifiers) for (const text of SUGGESTED_VERIFIERS[stageId]) addVerifier(doc, stageId, { text });
    }
    createRecord(maps.options, { name: STATUS_QUO_OPTION_NAME, isStatusQuo: true, order: 0 });
    ensureMentalModel(doc);
  });
  return true;
}
