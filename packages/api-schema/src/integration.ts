import { z } from 'zod';
import { oneOf, text, timestamp, uuid } from './strings.ts';

/** `POST /api/tokens`: a personal API token's name (what it is for). */
export const createApiTokenBody = z.object({ name: text({ max: 100, label: 'name' }) });

/** A personal API token as listed: never its secret. */
export const apiToken = z
  .object({ id: uuid, name: z.string(), createdAt: timestamp, lastUsedAt: timestamp.nullable() })
  .meta({ id: 'ApiToken' });

/** `POST /api/tokens`: the token itself, shown this once (send it as `Authorization: Bearer <token>`). */
export const createdApiToken = apiToken.extend({ token: z.string() }).meta({ id: 'CreatedApiToken' });

/** `GET /api/tokens`. */
export const apiTokenList = z.object({ tokens: z.array(apiToken) });

/** `/api/tokens/:id`. */
export const apiTokenIdParams = z.object({ id: uuid });

/** `DELETE /api/tokens/:id` and `DELETE /api/templates/:id`. */
export const deleted = z.object({ id: z.string(), deleted: z.literal(true) });

/** A document of a deal as plain JSON (DESIGN.md section 2: maps as objects, texts as strings). */
const documentJson = z.record(z.string(), z.unknown());

/** `GET /api/deals/:id/export`: the documents the caller may read. */
export const dealExport = z
  .object({
    format: z.literal('quorum-deal'),
    version: z.literal(1),
    deal: z.object({ title: z.string(), buyer: z.string() }),
    shared: documentJson,
    seller: documentJson.optional(),
    buyer: documentJson.optional(),
  })
  .meta({ id: 'DealExport' });

/** `GET /api/deals/:id/export.csv?of=stakeholders|criteria`. */
export const exportCsvQuery = z.object({
  of: oneOf(['stakeholders', 'criteria'], { label: 'of' }),
});

/** `POST /api/deals/import` with a CSV body: the new deal's title and buyer company. */
export const importCsvQuery = z.object({
  title: text({ max: 200, label: 'title' }).optional(),
  buyer: text({ max: 200, label: 'buyer company' }).optional(),
});

/** `POST /api/deals/import` and `POST /api/deals/:id/import`. */
export const importResult = z
  .object({
    id: uuid,
    /** Stakeholders added and updated (CSV), or records written (JSON). */
    added: z.number().int(),
    updated: z.number().int(),
    /** Documents of the file the caller may not write, left out (a seller never writes the buyer's notes). */
    skipped: z.array(z.string()),
  })
  .meta({ id: 'ImportResult' });

/** `POST /api/templates`. */
export const createTemplateBody = z.object({
  name: text({ max: 200, label: 'name' }),
  fromDealId: uuid,
});

/** A deal template (playbook). `builtIn` ones (the sample deal) belong to no organization and cannot be deleted. */
export const dealTemplate = z
  .object({ id: z.string(), name: z.string(), builtIn: z.boolean(), createdAt: timestamp.nullable() })
  .meta({ id: 'DealTemplate' });

/** `GET /api/templates`. */
export const dealTemplateList = z.object({ templates: z.array(dealTemplate) });

/** `/api/templates/:id`. */
export const templateIdParams = z.object({ id: uuid });

export type ApiToken = z.infer<typeof apiToken>;
export type CreatedApiToken = z.infer<typeof createdApiToken>;
export type DealExport = z.infer<typeof dealExport>;
export type ImportResult = z.infer<typeof importResult>;
export type DealTemplate = z.infer<typeof dealTemplate>;
