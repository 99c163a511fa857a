import { dealVersion, dealVersionDetail, dealVersionList } from '@quorum/api-schema';
import { operation } from '../openapi/index.ts';

const notFound = 'No such deal, or the caller may not see it (the two look the same).';

/** OpenAPI descriptions of the version routes. */
export const versionDocs = {
  create: operation({
    tag: 'Deals',
    summary: 'Save a version of a deal',
    description:
      'A named version: the state of each of the deal’s documents at one stored moment. Anyone who may edit the deal (its sellers and its Mobilizer) can save one; versions are also taken automatically whenever the customer-verified stage changes.',
    ok: { status: 201, description: 'The version.', schema: dealVersion },
    errors: {
      400: 'The name is missing, too long or has control characters (`field: "name"`).',
      401: 'No valid session or token.',
      403: 'Read-only on this deal (`read_only`): a manager who is not on it.',
      404: notFound,
    },
  }),
  list: operation({
    tag: 'Deals',
    summary: 'A deal’s versions',
    description: 'Every version of the deal, newest first, without their content.',
    ok: { description: 'The versions.', schema: dealVersionList },
    errors: { 401: 'No valid session or token.', 404: notFound },
  }),
  read: operation({
    tag: 'Deals',
    summary: 'One version of a deal',
    description:
      'The version with each document the caller’s side may read, as plain JSON in the export shape: the shared document always; the seller document for sellers and managers; the buyer document for the Mobilizer. Never the other side’s.',
    ok: { description: 'The version.', schema: dealVersionDetail },
    errors: { 401: 'No valid session or token.', 404: `${notFound} Or no such version of it.` },
  }),
};
