import { type DealRole, type RoomKind, roomAccessByRole, roomName } from '@quorum/auth';
import {
  CRITERIA_CSV_COLUMNS,
  criteriaToCsvRows,
  DEAL_EXPORT_FORMAT,
  DEAL_EXPORT_VERSION,
  type DealJson,
  docToJson,
  STAKEHOLDER_CSV_COLUMNS,
  stakeholdersToCsvRows,
} from '@quorum/deal-model';
import { type OpenedDoc, readStored } from '../documents/index.ts';
import type { OpenSharedDoc } from '../guides/open-shared-doc.ts';
import { toCsv } from './csv-text.ts';

/** A deal as the exporter needs it. */
export interface ExportedDeal {
  id: string;
  title: string;
  buyer: string;
}

/** Opens `kinds` of a deal's rooms, runs `read` at one stored moment of all of them, and releases them. */
export async function readRooms<T>(
  openDoc: OpenSharedDoc,
  dealId: string,
  kinds: readonly RoomKind[],
  read: (docs: Partial<Record<RoomKind, OpenedDoc>>) => T,
): Promise<T> {
  const opened: Partial<Record<RoomKind, OpenedDoc>> = {};
  try {
    for (const kind of kinds) opened[kind] = await openDoc(roomName(dealId, kind));
    return await readStored(Object.values(opened), () => read(opened));
  } finally {
    for (const doc of Object.values(opened)) doc.release();
  }
}

/** The rooms a role may read (DESIGN.md section 2): a Mobilizer never the seller's, a seller never the buyer's. */
export function readableRooms(role: DealRole): RoomKind[] {
  const access = roomAccessByRole(role);
  return (['shared', 'seller', 'buyer'] as const).filter((kind) => access[kind] !== 'none');
}

/**
 * The deal as JSON (DESIGN.md 7e), read from stored state: the shared document, and the private document the
 * caller's role may read. The other side's document is never opened.
 */
export async function exportDeal(openDoc: OpenSharedDoc, deal: ExportedDeal, role: DealRole): Promise<DealJson> {
  return readRooms(openDoc, deal.id, readableRooms(role), (docs) => {
    const out: DealJson = {
      format: DEAL_EXPORT_FORMAT,
      version: DEAL_EXPORT_VERSION,
      deal: { title: deal.title, buyer: deal.buyer },
      shared: docToJson(docs.shared!.doc, 'shared'),
    };
    if (docs.seller) out.seller = docToJson(docs.seller.doc, 'seller');
    if (docs.buyer) out.buyer = docToJson(docs.buyer.doc, 'buyer');
    return out;
  });
}

/** What `export.csv` can list. */
export type CsvExportKind = 'stakeholders' | 'criteria';

/** The deal's stakeholders or criteria as CSV (from the shared document, which every role may read). */
export async function exportCsv(openDoc: OpenSharedDoc, dealId: string, of: CsvExportKind): Promise<string> {
  return readRooms(openDoc, dealId, ['shared'], (docs) => {
    const doc = docs.shared!.doc;
    return of === 'stakeholders'
      ? toCsv(STAKEHOLDER_CSV_COLUMNS, stakeholdersToCsvRows(doc))
      : toCsv(CRITERIA_CSV_COLUMNS, criteriaToCsvRows(doc));
  });
}
