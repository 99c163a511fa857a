import { deal, dealDetail, dealList } from '@quorum/api-schema';
import { operation } from '../openapi/index.ts';

const notFound = 'No such deal, or the caller may not see it (the two look the same).';

/** OpenAPI descriptions of the deal routes. */
export const dealDocs = {
  list: operation({
    tag: 'Deals',
    summary: 'List deals',
    description: 'The deals the caller is on, and every deal of their organization for a manager.',
    ok: { description: 'The deals with the caller’s role on each.', schema: dealList },
    errors: { 401: 'No valid session.' },
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
  get: operation({
    tag: 'Deals',
    summary: 'One deal',
    ok: { description: 'The deal, the caller’s role, rooms and status.', schema: dealDetail },
    errors: { 401: 'No valid session.', 404: notFound },
  }),
};
