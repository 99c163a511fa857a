import type { DealRole, RoomKind } from '@quorum/auth';
import { type Database, dealVersions, users } from '@quorum/db';
import { type DocumentJson, docToJson, readPlan, verifiedStage } from '@quorum/deal-model';
import { and, desc, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { readableRooms, readRooms } from '../export/index.ts';
import type { OpenSharedDoc } from '../guides/open-shared-doc.ts';

/** How a version came to be. */
export type VersionKind = 'manual' | 'stage';

/** A version as the API lists it. */
export interface VersionSummary {
  id: string;
  name: string;
  kind: VersionKind;
  stage: string;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
}

/** A version with the documents one caller may read, as plain JSON. */
export interface VersionDetail extends VersionSummary {
  documents: { shared: DocumentJson; seller?: DocumentJson; buyer?: DocumentJson };
}

/** What {@link takeVersion} stores. */
export interface NewVersion {
  dealId: string;
  name: string;
  kind: VersionKind;
  /** Who saved it (null for an automatic version). */
  createdBy: string | null;
}

const ALL_ROOMS: readonly RoomKind[] = ['shared', 'seller', 'buyer'];

/**
 * Stores a version of a deal: the Yjs state of its three rooms read at one stored moment (`readStored`), and the
 * verified stage then. Every room is kept (each side later gets only what it may read); nothing is decoded here.
 */
export async function takeVersion(db: Database, openDoc: OpenSharedDoc, version: NewVersion): Promise<VersionSummary> {
  const states = await readRooms(openDoc, version.dealId, ALL_ROOMS, (docs) => ({
    shared: Y.encodeStateAsUpdate(docs.shared!.doc),
    seller: Y.encodeStateAsUpdate(docs.seller!.doc),
    buyer: Y.encodeStateAsUpdate(docs.buyer!.doc),
    stage: verifiedStage(readPlan(docs.shared!.doc)).stage,
  }));
  const [row] = await db
    .insert(dealVersions)
    .values({ ...version, ...states })
    .returning({ id: dealVersions.id, createdAt: dealVersions.createdAt });
  const creator = version.createdBy
    ? (await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, version.createdBy)))[0]
    : undefined;
  return {
    id: row!.id,
    name: version.name,
    kind: version.kind,
    stage: states.stage,
    createdAt: row!.createdAt.toISOString(),
    createdBy: creator ?? null,
  };
}

const summaryColumns = {
  id: dealVersions.id,
  name: dealVersions.name,
  kind: dealVersions.kind,
  stage: dealVersions.stage,
  createdAt: dealVersions.createdAt,
  creatorId: users.id,
  creatorName: users.name,
};

type SummaryRow = {
  id: string;
  name: string;
  kind: string;
  stage: string;
  createdAt: Date;
  creatorId: string | null;
  creatorName: string | null;
};

function toSummary(row: SummaryRow): VersionSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind === 'stage' ? 'stage' : 'manual',
    stage: row.stage,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.creatorId ? { id: row.creatorId, name: row.creatorName ?? '' } : null,
  };
}

/** A deal's versions, newest first (no document bytes are read). */
export async function listVersions(db: Database, dealId: string): Promise<VersionSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(dealVersions)
    .leftJoin(users, eq(users.id, dealVersions.createdBy))
    .where(eq(dealVersions.dealId, dealId))
    .orderBy(desc(dealVersions.createdAt), desc(dealVersions.id));
  return rows.map(toSummary);
}

/**
 * One version of a deal with the documents `role` may read (DESIGN.md section 2 and 5), or null when the deal has
 * no such version. The other side's state is not even selected from the database.
 */
export async function readVersion(
  db: Database,
  dealId: string,
  versionId: string,
  role: DealRole,
): Promise<VersionDetail | null> {
  const kinds = readableRooms(role);
  const [row] = await db
    .select({
      ...summaryColumns,
      shared: dealVersions.shared,
      ...(kinds.includes('seller') ? { seller: dealVersions.seller } : {}),
      ...(kinds.includes('buyer') ? { buyer: dealVersions.buyer } : {}),
    })
    .from(dealVersions)
    .leftJoin(users, eq(users.id, dealVersions.createdBy))
    .where(and(eq(dealVersions.dealId, dealId), eq(dealVersions.id, versionId)));
  if (!row) return null;
  const documents: VersionDetail['documents'] = { shared: decode(row.shared, 'shared') };
  if ('seller' in row && row.seller) documents.seller = decode(row.seller as Uint8Array, 'seller');
  if ('buyer' in row && row.buyer) documents.buyer = decode(row.buyer as Uint8Array, 'buyer');
  return { ...toSummary(row), documents };
}

function decode(state: Uint8Array, kind: RoomKind): DocumentJson {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return docToJson(doc, kind);
  } finally {
    doc.destroy();
  }
}
