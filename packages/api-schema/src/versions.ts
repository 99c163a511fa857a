import { z } from 'zod';
import { text, timestamp, uuid } from './strings.ts';

/** `POST /api/deals/:id/versions`: a name for the version being saved. */
export const createVersionBody = z.object({ name: text({ max: 120, label: 'name' }) });

/** `/api/deals/:id/versions/:versionId`. */
export const versionParams = z.object({ id: uuid, versionId: uuid });

/** A saved version of a deal, as listed. */
export const dealVersion = z
  .object({
    id: uuid,
    name: z.string(),
    /** `manual`: saved by someone; `stage`: taken when the customer-verified stage changed. */
    kind: z.enum(['manual', 'stage']),
    /** The verified stage when it was taken. */
    stage: z.string(),
    createdAt: timestamp,
    /** Who saved it (null for an automatic version, or a deleted account). */
    createdBy: z.object({ id: uuid, name: z.string() }).nullable(),
  })
  .meta({ id: 'DealVersion' });

/** `GET /api/deals/:id/versions`: newest first. */
export const dealVersionList = z.object({ versions: z.array(dealVersion) });

/** A document of a deal as plain JSON (DESIGN.md section 2: maps as objects, texts as strings). */
const documentJson = z.record(z.string(), z.unknown());

/**
 * `GET /api/deals/:id/versions/:versionId`: the version with the documents the caller's side may read, as plain
 * JSON in the export shape (a Mobilizer never gets `seller`, a seller or manager never gets `buyer`).
 */
export const dealVersionDetail = dealVersion
  .extend({
    documents: z.object({
      shared: documentJson,
      seller: documentJson.optional(),
      buyer: documentJson.optional(),
    }),
  })
  .meta({ id: 'DealVersionDetail' });

export type DealVersion = z.infer<typeof dealVersion>;
export type DealVersionList = z.infer<typeof dealVersionList>;
export type DealVersionDetail = z.infer<typeof dealVersionDetail>;
