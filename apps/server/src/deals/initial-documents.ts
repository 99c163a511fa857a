import { initBuyerDoc, initSellerDoc, initSharedDoc, seedSampleDeal } from '@quorum/deal-model';
import * as Y from 'yjs';

/** The first stored update of each of a deal's three rooms. */
export interface InitialDocuments {
  title: string;
  buyer: string;
  shared: Uint8Array;
  seller: Uint8Array;
  buyerRoom: Uint8Array;
}

/** A new deal's initial state (section 2: `meta` filled, the five plan stages, the status quo option). */
export function initialDocuments({
  title,
  buyer,
  seller,
}: {
  title: string;
  buyer: string;
  seller: string;
}): InitialDocuments {
  const shared = new Y.Doc();
  const sellerDoc = new Y.Doc();
  const buyerDoc = new Y.Doc();
  initSharedDoc(shared, { title, buyer, seller });
  initSellerDoc(sellerDoc);
  initBuyerDoc(buyerDoc);
  return {
    title,
    buyer,
    shared: Y.encodeStateAsUpdate(shared),
    seller: Y.encodeStateAsUpdate(sellerDoc),
    buyerRoom: Y.encodeStateAsUpdate(buyerDoc),
  };
}

/**
 * A sample deal room for a newcomer, filled by `seedSampleDeal` (seed 000's laptop refresh: a buying
 * group with a Mobilizer and a Blocker, criteria, objections, a guide, seller notes). The seller
 * company is the caller's organization.
 */
export function sampleDocuments({ seller }: { seller: string }): InitialDocuments {
  const shared = new Y.Doc();
  const sellerDoc = new Y.Doc();
  const buyerDoc = new Y.Doc();
  initSharedDoc(shared, { title: SAMPLE_TITLE, buyer: SAMPLE_BUYER, seller });
  seedSampleDeal(shared, sellerDoc);
  initBuyerDoc(buyerDoc);
  const meta = shared.getMap('meta');
  return {
    title: String(meta.get('title') ?? SAMPLE_TITLE),
    buyer: String(meta.get('buyer') ?? SAMPLE_BUYER),
    shared: Y.encodeStateAsUpdate(shared),
    seller: Y.encodeStateAsUpdate(sellerDoc),
    buyerRoom: Y.encodeStateAsUpdate(buyerDoc),
  };
}

const SAMPLE_TITLE = 'Next laptop generation';
const SAMPLE_BUYER = 'Nordwind Logistics';
