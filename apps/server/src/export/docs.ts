import { dealExport, importResult } from '@quorum/api-schema';
import { operation } from '../openapi/index.ts';

const notFound = 'No such deal, or the caller may not see it (the two look the same).';
const importErrors = {
  400: 'The file cannot be imported (`invalid_import`): `rows` lists every bad CSV cell by row and column, `problems` every bad JSON value by path. Nothing was imported.',
  401: 'No valid session or token.',
  413: 'The file is larger than the import limit (2 MiB unless configured otherwise).',
  415: 'The body is neither JSON nor CSV.',
} as const;

/** OpenAPI descriptions of the export and import routes. */
export const exportDocs = {
  json: operation({
    tag: 'Deals',
    summary: 'Export a deal as JSON',
    description:
      'Each document the caller may read, as plain JSON in the schema of the deal room (maps as objects keyed by record id, texts as strings): the shared document always; the seller document for sellers and managers; the buyer document for the Mobilizer. Read from stored state.',
    ok: { description: 'The deal.', schema: dealExport },
    errors: { 401: 'No valid session or token.', 404: notFound },
  }),
  csv: operation({
    tag: 'Deals',
    summary: 'Export stakeholders or criteria as CSV',
    description:
      'CRM-shaped columns. Stakeholders: name, title, department, email, role, profile, influence, stance, commitment, reportsTo (a name). Criteria: name, description, weight, kind, mandatory, owner (a name).',
    ok: { description: 'The CSV file.', media: 'text/csv' },
    errors: { 400: '`of` is missing or wrong.', 401: 'No valid session or token.', 404: notFound },
  }),
  importNew: operation({
    tag: 'Deals',
    summary: 'Import a deal',
    description:
      'A new deal with the caller as its seller, from a deal exported as JSON (record ids kept; a `buyer` document is skipped) or from a CSV of stakeholders (`Content-Type: text/csv`, with `?title=…&buyer=…`). Checked as a whole first: all or nothing.',
    ok: { status: 201, description: 'The new deal’s id and what was imported.', schema: importResult },
    errors: { ...importErrors, 403: 'The account has no organization (`no_organization`).' },
  }),
  importInto: operation({
    tag: 'Deals',
    summary: 'Import into a deal',
    description:
      'Merges into a deal the caller is a seller of: JSON records by id (new ones added, existing ones updated field by field; nothing deleted; the title and the buyer document stay), CSV stakeholders matched by name and title (updated) or added. Written through the sync engine, so open rooms see it at once. All or nothing.',
    ok: { description: 'What was imported.', schema: importResult },
    errors: { ...importErrors, 403: 'Only the deal’s sellers can import (`sellers_only`).', 404: notFound },
  }),
};
