import type * as Y from 'yjs';
import { ensureMentalModel } from '../mental-model/index.ts';
import { STATUS_QUO_OPTION_NAME } from '../options/index.ts';
import { ensureStageVerifiers } from '../plan/index.ts';
import { createRecord } from '../records/index.ts';
import { initSellerDoc } from '../seller-doc/index.ts';
import { SCHEMA_VERSION, sharedMaps } from '../shared-doc/shared-maps.ts';
import { PLAN_STAGE_IDS } from '../vocabulary/index.ts';
import type { DocumentJson } from './doc-to-json.ts';
import { jsonToDoc } from './json-to-doc.ts';

/** Who a new deal is between. */
export interface NewDealMeta {
  title: string;
  /** The buyer company. */
  buyer: string;
  /** The seller company (the importing organization). */
  seller: string;
}

/**
 * A new deal's shared document made from plain JSON (an import, or a template): the JSON's records with their
 * ids, `meta` set to this deal's title, buyer and seller, and what every deal has made sure of (the five plan
 * stages, the status-quo option, the mental model's two graphs) when the JSON lacks it.
 */
export function sharedDocFromJson(json: DocumentJson, { title, buyer, seller }: NewDealMeta): Y.Doc {
  const doc = jsonToDoc('shared', json);
  const maps = sharedMaps(doc);
  doc.transact(() => {
    maps.meta.set('title', title);
    maps.meta.set('buyer', buyer);
    maps.meta.set('seller', seller);
    maps.meta.set('schemaVersion', SCHEMA_VERSION);
    for (const stageId of PLAN_STAGE_IDS) ensureStageVerifiers(doc, stageId);
    const hasStatusQuo = [...maps.options.values()].some((option) => option.get('isStatusQuo') === true);
    if (!hasStatusQuo) createRecord(maps.options, { name: STATUS_QUO_OPTION_NAME, isStatusQuo: true, order: 0 });
    ensureMentalModel(doc);
  });
  return doc;
}

/** A new deal's seller document made from plain JSON (absent: an empty one), with its initial structure. */
export function sellerDocFromJson(json: DocumentJson | undefined): Y.Doc {
  const doc = jsonToDoc('seller', json ?? {});
  initSellerDoc(doc);
  return doc;
}
