import { decisionResult, learning, suggestedGroup } from '@quorum/api-schema';
import { operation } from '../openapi/index.ts';

/** OpenAPI descriptions of the seller's method routes (issue 14). */
export const methodDocs = {
  decision: operation({
    tag: 'Deals',
    summary: 'Record the go / no-go decision',
    description:
      'After qualification (BANT and the qualification questions), a manager of the deal’s organization decides go or no-go, with its reason (IBM sales methodology). Written into the seller document’s qualification, stored before the answer; a later decision replaces it. Never part of what the buyer receives.',
    ok: { description: 'The decision as stored.', schema: decisionResult },
    errors: {
      400: 'The decision is not `go` or `no-go`, or the reason is missing or too long.',
      401: 'No valid session.',
      403: 'Only a manager of the deal’s organization decides go or no-go.',
      404: 'No such deal, or the caller may not see it (a Mobilizer included).',
    },
  }),
  learning: operation({
    tag: 'Deals',
    summary: 'What the organization’s closed deals say',
    description:
      'From the organization’s won, lost and no-decision deals: the win rate by buying-group size beside CEB’s purchase-intent curve (81 % with one decision maker → 31 % with six), the typical buying group and days per verified stage. With too few closed deals, `enough` is false and `message` says so instead of guessing. For managers and sellers of the organization only.',
    ok: { description: 'The learning, or why there is none yet.', schema: learning },
    errors: { 401: 'No valid session.', 404: 'The caller belongs to no seller organization (buyer accounts).' },
  }),
  suggestedGroup: operation({
    tag: 'Deals',
    summary: 'Who is usually in the buying group but missing from this map',
    description:
      'The roles, titles and departments that took part in most of the organization’s closed deals and that this deal’s map lacks, for the seller to add in one click. Empty, with a message, when there are too few closed deals.',
    ok: { description: 'Suggested members, most frequent first.', schema: suggestedGroup },
    errors: {
      401: 'No valid session.',
      404: 'No such deal, or the caller may not see it; a Mobilizer never sees the seller organization’s history.',
    },
  }),
};
