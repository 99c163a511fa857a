import { acceptedInvite, createdInvite, invitePreview } from '@quorum/api-schema';
import { operation } from '../openapi/index.ts';

/** OpenAPI descriptions of the invite routes. */
export const inviteDocs = {
  create: operation({
    tag: 'Invites',
    summary: 'Invite someone to a deal',
    description:
      'A single-use link valid for 7 days, bound to the invited email (only an account with that address can accept), sent to that address by mail. Stored hashed: the URL exists only in this answer and the mail.',
    ok: { status: 201, description: 'The invite link.', schema: createdInvite },
    errors: {
      400: 'A field is missing or wrong; `field` names it.',
      401: 'No valid session.',
      403: 'Only the deal’s sellers invite (`not_a_seller`).',
      404: 'No such deal, or the caller may not see it.',
    },
  }),
  preview: operation({
    tag: 'Invites',
    summary: 'Preview an invite',
    description: 'Public: the deal’s title, the inviter, the role and the invited address, masked.',
    session: false,
    ok: { description: 'What the invite is for.', schema: invitePreview },
    errors: { 404: 'No such invite.' },
  }),
  accept: operation({
    tag: 'Invites',
    summary: 'Accept an invite',
    ok: { description: 'The caller joined the deal.', schema: acceptedInvite },
    errors: {
      401: 'No valid session.',
      403: 'The account’s email is not the invited one (`invite_email_mismatch`), or its organization may not take this role (`other_organization`, `seller_side_account`).',
      404: 'No such invite.',
      409: 'Already used (`invite_used`), or the caller is already on the deal (`already_member`).',
      410: 'Expired (`invite_expired`).',
    },
  }),
};
