import { memberList, removedMember } from '@quorum/api-schema';
import { operation } from '../openapi/index.ts';

/** OpenAPI descriptions of the member routes. */
export const memberDocs = {
  list: operation({
    tag: 'Deals',
    summary: 'Who is on a deal',
    description: 'Every member with their role; for anyone on the deal and the managers of its organization.',
    ok: { description: 'The deal’s members.', schema: memberList },
    errors: { 401: 'No valid session.', 404: 'No such deal, or the caller may not see it.' },
  }),
  remove: operation({
    tag: 'Deals',
    summary: 'Remove someone from a deal, or leave it',
    description:
      'Sellers of the deal remove anyone; a Mobilizer removes no one but themselves (leaving). The removed person’s open sockets to the deal’s rooms close with 4403 on every instance, and they can no longer reconnect.',
    ok: { description: 'Removed.', schema: removedMember },
    errors: {
      401: 'No valid session.',
      403: 'Only sellers remove others (`not_a_seller`).',
      404: 'No such deal, or that person is not on it.',
      409: 'The deal’s last seller (`last_seller`).',
    },
  }),
};
