import type { ApiToken, CreatedApiToken, DealTemplate, ImportResult } from '@quorum/api-schema';
import { networkError, toApiError } from '$lib/api/index.ts';

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

async function call<T>(method: string, path: string, body?: { json: unknown } | { csv: string }): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: string | undefined;
  if (body && 'json' in body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body) {
    headers['content-type'] = 'text/csv';
    payload = body.csv;
  }
  let response: Response;
  try {
    response = await fetch(path, { method, credentials: 'same-origin', headers, body: payload });
  } catch (cause) {
    throw networkError(cause);
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (response.ok) return json as T;
  const rows = (json as { error?: { rows?: ImportRowError[] } } | undefined)?.error?.rows;
  const error = toApiError(response.status, json, response.headers.get('retry-after'));
  if (rows?.length) throw new ImportRefused(error.message, rows);
  throw error;
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
