import type { ApiToken, CreatedApiToken, DealTemplate, ImportResult } from '@quorum/api-schema';
import { apiRequest } from '$lib/api/index.ts';

/** One bad cell of a refused CSV import (`row` counts like a spreadsheet: the header is row 1). */
export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

/** A refused import, with every bad cell the server named. */
export class ImportRefused extends Error {
  override readonly name = 'ImportRefused';
  constructor(
    message: string,
    readonly rows: ImportRowError[],
  ) {
    super(message);
  }
}

function call<T>(method: string, path: string, body?: { json: unknown } | { csv: string }): Promise<T> {
  return apiRequest<T>(method, path, {
    ...(body && 'csv' in body ? { csv: body.csv } : { body: body?.json }),
    refine: (error, json) => {
      const rows = (json as { error?: { rows?: ImportRowError[] } } | undefined)?.error?.rows;
      return rows?.length ? new ImportRefused(error.message, rows) : error;
    },
  });
}

const id = (value: string) => encodeURIComponent(value);

/** Personal API tokens, deal export and import, and templates (DESIGN.md 7e). */
export const integrationApi = {
  /** The caller's API tokens (never their secrets). */
  listTokens: async () => (await call<{ tokens: ApiToken[] }>('GET', '/api/tokens')).tokens,
  /** A new token: its secret is in this answer only. */
  createToken: (name: string) => call<CreatedApiToken>('POST', '/api/tokens', { json: { name } }),
  /** Revokes a token at once. */
  revokeToken: (tokenId: string) => call<unknown>('DELETE', `/api/tokens/${id(tokenId)}`),
  /** The built-in templates, then the organization's. */
  listTemplates: async () => (await call<{ templates: DealTemplate[] }>('GET', '/api/templates')).templates,
  /** Saves a deal's criteria, options, verifiers and objection library as a template. */
  saveTemplate: (name: string, fromDealId: string) =>
    call<DealTemplate>('POST', '/api/templates', { json: { name, fromDealId } }),
  /** Adds (or updates, matched by name and title) stakeholders from CSV text; refused as a whole with every bad cell. */
  importStakeholders: (dealId: string, csv: string) =>
    call<ImportResult>('POST', `/api/deals/${id(dealId)}/import`, { csv }),
  /** Where the deal's JSON export downloads from. */
  exportUrl: (dealId: string) => `/api/deals/${id(dealId)}/export`,
  /** Where the deal's stakeholders or criteria download as CSV. */
  exportCsvUrl: (dealId: string, of: 'stakeholders' | 'criteria') => `/api/deals/${id(dealId)}/export.csv?of=${of}`,
};
