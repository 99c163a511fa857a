import { deal, dealDetail, dealList } from '@quorum/api-schema';
import { operation } from '../openapi/index.ts';

const notFound = 'No such deal, or the caller may not see it (the two look the same).';

/** OpenAPI descriptions of the deal routes. */
export const dealDocs = {
  list: operation({
    tag: 'Deals',
    summary: 'List deals',
    description:
      'The deals the caller is on, and every deal of their organization for a manager, in the states `state` names (`open` by default; `closed` = won, lost and no decision; `archived`; `all`).',
    ok: { description: 'The deals with the caller’s role on each.', schema: dealList },
    errors: { 400: 'An unknown `state` filter.', 401: 'No valid session.' },
  }),
  create: operation({
    tag: 'Deals',
    summary: 'Create a deal',
    description: 'The caller becomes its seller; the three documents’ initial state is stored.',
    ok: { status: 201, description: 'The new deal.', schema: deal },
    errors: {
      400: 'A field is missing or wrong; `field` names it.',
      401: 'No valid session.',
      403: 'The account has no organization (`no_organization`).',
    },
  }),
  sample: operation({
    tag: 'Deals',
    summary: 'Create the sample deal',
    description: 'A deal room filled with a realistic buying group.',
    ok: { status: 201, description: 'The new deal.', schema: deal },
    errors: { 401: 'No valid session.', 403: 'The account has no organization (`no_organization`).' },
  }),
  update: operation({
    tag: 'Deals',
    summary: 'Rename, close, archive or reopen a deal',
    description:
      'Sellers of the deal only. A new title or buyer is written into the shared document’s `meta` (open rooms see it live) and the deal’s row. `state` closes the deal as `won`, `lost` or `no-decision` (the last two need a `reason`), archives it or reopens it (`open` clears the reason).',
    ok: { description: 'The deal as changed.', schema: dealDetail },
    errors: {
      400: 'A field is missing or wrong (`reason` for lost and no decision); `field` names it.',
      401: 'No valid session.',
      403: 'Managers see the deal read-only (`read_only`); Mobilizers cannot change it (`not_a_seller`).',
      404: notFound,
    },
  }),
  get: operation({
    tag: 'Deals',
    summary: 'One deal',
    ok: { description: 'The deal, the caller’s role, rooms and status.', schema: dealDetail },
    errors: { 401: 'No valid session.', 404: notFound },
  }),
};
