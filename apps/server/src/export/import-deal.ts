import { type RoomKind, roomName } from '@quorum/auth';
import {
  type CsvProblem,
  csvRowsToStakeholders,
  type DocumentJson,
  initBuyerDoc,
  initSellerDoc,
  initSharedDoc,
  mergeJson,
  readStakeholders,
  type StakeholderUpsert,
  sellerDocFromJson,
  sharedDocFromJson,
  upsertStakeholders,
  validateDealJson,
} from '@quorum/deal-model';
import * as Y from 'yjs';
import { type OpenedDoc, readStored } from '../documents/index.ts';
import { ApiError } from '../errors/index.ts';
import type { OpenSharedDoc } from '../guides/open-shared-doc.ts';
import { parseCsv } from './csv-text.ts';
import type { ImportBody } from './import-body.ts';
import { ImportError } from './import-error.ts';

/** What an import did. */
export interface ImportCounts {
  added: number;
  updated: number;
  /** Documents of the file left out: a seller never writes the buyer's notes. */
  skipped: string[];
}

/** A new deal's first documents, as `createDeal` stores them. */
export interface NewDealDocuments {
  title: string;
  buyer: string;
  shared: Uint8Array;
  seller: Uint8Array;
  buyerRoom: Uint8Array;
}

/** The record maps of the shared document whose entries an import counts. */
const COUNTED = [
  'stakeholders',
  'relationships',
  'options',
  'criteria',
  'objections',
  'guides',
  'workshops',
  'negotiables',
];

function countRecords(shared: DocumentJson, exists: (map: string, id: string) => boolean) {
  let added = 0;
  let updated = 0;
  for (const map of COUNTED) {
    for (const id of Object.keys((shared[map] as object | undefined) ?? {})) {
      if (exists(map, id)) updated += 1;
      else added += 1;
    }
  }
  return { added, updated };
}

function readStakeholderRows(text: string, existing: Parameters<typeof csvRowsToStakeholders>[1]): StakeholderUpsert[] {
  const { rows, problems } = parseCsv(text);
  const read = csvRowsToStakeholders(rows, existing);
  const all: CsvProblem[] = [...problems, ...(read.ok ? [] : read.problems)].sort((a, b) => a.row - b.row);
  if (all.length > 0 || !read.ok) throw ImportError.csv(all);
  return read.value;
}

const encode = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc);

/**
 * Checks an import for a new deal (all of it, before anything is stored) and returns the new deal's documents as
 * a function of the seller company, for `createDeal`: a JSON export's shared and seller documents with their ids
 * (the buyer's document is skipped: its owner is not the importer), or a CSV's stakeholders in a new deal named by
 * `title` and `buyer`.
 */
export function planNewDealImport(
  body: ImportBody,
  { title, buyer }: { title?: string; buyer?: string },
): { documents: (seller: string) => NewDealDocuments; counts: ImportCounts } {
  if (body.kind === 'csv') {
    if (!title) throw ApiError.invalidField('title', 'Name the new deal: add ?title=…&buyer=… to the address.');
    if (!buyer) throw ApiError.invalidField('buyer', 'Name the buyer company: add ?buyer=… to the address.');
    const upserts = readStakeholderRows(body.text, []);
    return {
      counts: { added: upserts.length, updated: 0, skipped: [] },
      documents: (seller) => {
        const shared = new Y.Doc();
        initSharedDoc(shared, { title, buyer, seller });
        upsertStakeholders(shared, upserts);
        return { title, buyer, shared: encode(shared), ...privateDocs(undefined) };
      },
    };
  }
  const checked = validateDealJson(body.value);
  if (!checked.ok) throw ImportError.json(checked.problems);
  const json = checked.value;
  return {
    counts: { ...countRecords(json.shared, () => false), skipped: json.buyer ? ['buyer'] : [] },
    documents: (seller) => {
      const meta = { title: json.deal.title, buyer: json.deal.buyer, seller };
      return { ...meta, shared: encode(sharedDocFromJson(json.shared, meta)), ...privateDocs(json.seller) };
    },
  };
}

function privateDocs(seller: DocumentJson | undefined) {
  const sellerDoc = seller ? sellerDocFromJson(seller) : new Y.Doc();
  if (!seller) initSellerDoc(sellerDoc);
  const buyerDoc = new Y.Doc();
  initBuyerDoc(buyerDoc);
  return { seller: encode(sellerDoc), buyerRoom: encode(buyerDoc) };
}

/**
 * Opens `kinds` of a deal's rooms through the engine, runs `write` on them at a stored moment, and returns once
 * what it wrote is stored (so it reaches open rooms as any edit does, stored before it is relayed).
 */
async function writeRooms<T>(
  openDoc: OpenSharedDoc,
  dealId: string,
  kinds: readonly RoomKind[],
  write: (docs: Partial<Record<RoomKind, Y.Doc>>) => T,
): Promise<T> {
  const opened: Partial<Record<RoomKind, OpenedDoc>> = {};
  try {
    for (const kind of kinds) opened[kind] = await openDoc(roomName(dealId, kind));
    const docs = Object.fromEntries(Object.entries(opened).map(([kind, o]) => [kind, o.doc]));
    const result = await readStored(Object.values(opened), () => write(docs));
    await readStored(Object.values(opened), () => undefined);
    return result;
  } finally {
    for (const o of Object.values(opened)) o.release();
  }
}

/**
 * Merges an import into a deal the caller is a seller of, all or nothing: JSON records by id (new ids added, existing
 * records updated field by field; the deal's title and the buyer's document are left as they are), CSV stakeholders
 * matched by name and title (updated) or added. Validated against the deal's current records before any write.
 */
export async function mergeImport(openDoc: OpenSharedDoc, dealId: string, body: ImportBody): Promise<ImportCounts> {
  if (body.kind === 'csv') {
    return writeRooms(openDoc, dealId, ['shared'], ({ shared }) => {
      const upserts = readStakeholderRows(body.text, readStakeholders(shared!));
      upsertStakeholders(shared!, upserts);
      const added = upserts.filter((u) => u.isNew).length;
      return { added, updated: upserts.length - added, skipped: [] };
    });
  }
  return writeRooms(openDoc, dealId, ['shared', 'seller'], ({ shared, seller }) => {
    const keys = (name: string) => [...shared!.getMap(name).keys()];
    const checked = validateDealJson(body.value, {
      stakeholders: keys('stakeholders'),
      options: keys('options'),
      objections: keys('objections'),
    });
    if (!checked.ok) throw ImportError.json(checked.problems);
    const { meta: _meta, ...records } = checked.value.shared;
    const counts = countRecords(records, (map, id) => shared!.getMap(map).has(id));
    mergeJson(shared!, 'shared', records);
    if (checked.value.seller) mergeJson(seller!, 'seller', checked.value.seller);
    return { ...counts, skipped: checked.value.buyer ? ['buyer'] : [] };
  });
}
