import { createdGuideLink, guideLinkList, revokedGuideLink, voiceSubmitted, voiceView } from '@quorum/api-schema';
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
  voice: operation({
    tag: 'Guide pages',
    summary: 'What a stakeholder is asked for their own view',
    description:
      'Stakeholder guide links only. The criteria in order, the guide’s asks, their own last answer and who will see it; never anyone else’s weights, scores, owners, profiles or notes.',
    session: false,
    ok: { description: 'The voice form.', schema: voiceView },
    errors: {
      404: 'Unknown link, or a link that asks nobody’s view (the objection guide).',
      410: 'The link was revoked or expired, or the stakeholder left the map.',
      429: 'Too many unknown links tried from this network.',
    },
  }),
  submitVoice: operation({
    tag: 'Guide pages',
    summary: 'A stakeholder gives their own view',
    description:
      'No account, no cookie. JSON answers 201; an HTML form post (application/x-www-form-urlencoded, fields `weights.<criterionId>`, `concerns`, `missing`) is redirected to the page (303) or re-rendered with what was typed (400). A later answer replaces the earlier one.',
    session: false,
    ok: { status: 201, description: 'Stored (before anyone sees it).', schema: voiceSubmitted },
    errors: {
      400: 'A field is wrong; `field` names it (`weights.<criterionId>`, `concerns`, `missing`).',
      404: 'Unknown link, or a link that asks nobody’s view (the objection guide).',
      410: 'The link was revoked or expired, or the stakeholder left the map.',
      429: 'Too many unknown links from this network, or too many answers through this link.',
    },
  }),
};
