import { createdGuideLink, guideLinkList, revokedGuideLink } from '@quorum/api-schema';
import { operation } from '../openapi/index.ts';

const createErrors = {
  400: 'A field is missing or wrong; `field` names it.',
  401: 'No valid session.',
  403: 'Managers can list links but not create them (`read_only`).',
  404: 'No such deal (or stakeholder), or the caller may not see it.',
} as const;

/** OpenAPI descriptions of the guide link routes and the public guide pages. */
export const guideDocs = {
  createStakeholderLink: operation({
    tag: 'Guide links',
    summary: 'Share a stakeholder’s guide',
    description: 'A link anyone holding it can open without an account; `expiresInDays` left out: until revoked.',
    ok: { status: 201, description: 'The link (its URL exists only in this answer).', schema: createdGuideLink },
    errors: createErrors,
  }),
  createObjectionLink: operation({
    tag: 'Guide links',
    summary: 'Share the objection guide',
    ok: { status: 201, description: 'The link (its URL exists only in this answer).', schema: createdGuideLink },
    errors: createErrors,
  }),
  list: operation({
    tag: 'Guide links',
    summary: 'List a deal’s guide links',
    ok: { description: 'Every link of the deal with its views, newest first.', schema: guideLinkList },
    errors: { 401: 'No valid session.', 404: 'No such deal, or the caller may not see it.' },
  }),
  revoke: operation({
    tag: 'Guide links',
    summary: 'Revoke a guide link',
    ok: { description: 'The link no longer opens its guide.', schema: revokedGuideLink },
    errors: {
      401: 'No valid session.',
      403: 'Managers cannot revoke (`read_only`).',
      404: 'No such link, or the caller may not see its deal.',
    },
  }),
  page: operation({
    tag: 'Guide pages',
    summary: 'A shared guide as a printable page',
    description: 'No account needed. Unknown tokens count toward a per-client guess limit (429 once exceeded).',
    session: false,
    ok: { description: 'The guide page.', media: 'text/html' },
  }),
  content: operation({
    tag: 'Guide pages',
    summary: 'A shared guide’s content, for the open page to poll',
    session: false,
    ok: { description: 'The guide projection and its rendered fragment.', media: 'application/json' },
    errors: {
      404: 'No such link.',
      410: 'Revoked (`link_revoked`), expired (`link_expired`) or its stakeholder removed (`guide_removed`).',
      429: 'Too many unknown links tried from this network (Retry-After).',
    },
  }),
  pdf: operation({
    tag: 'Guide pages',
    summary: 'A shared guide as a PDF',
    session: false,
    ok: { description: 'The guide as a PDF download.', media: 'application/pdf' },
  }),
};
