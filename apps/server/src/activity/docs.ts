import { activityFeed, commitmentLog, dealVisit } from '@quorum/api-schema';
import { operation } from '../openapi/index.ts';

/** OpenAPI descriptions of the activity routes. */
export const activityDocs = {
  feed: operation({
    tag: 'Activity',
    summary: 'What changed in a deal, in words',
    description:
      'Derived by the server from the stored updates of the deal’s rooms, each entry attributed to the person whose session sent it (or to a stakeholder answering through their guide link). Only entries of the rooms the caller may read: a seller-document change reaches sellers and managers, a buyer-document change Mobilizers. Newest first; `since` keeps those after a moment; `lastVisitAt` is the caller’s previous visit and `sinceLastVisit` counts other people’s entries after it.',
    ok: { description: 'The entries, newest first, and the caller’s last visit.', schema: activityFeed },
    errors: {
      400: '`since` is not an ISO 8601 date and time, or `limit` is not a whole number from 1 to 200.',
      401: 'No valid session.',
      404: 'No such deal, or the caller may not see it.',
    },
  }),
  visit: operation({
    tag: 'Activity',
    summary: 'Record a visit to the deal room',
    description:
      'Call when the room is opened. The visit before becomes the start of "since your last visit"; reopening the room within `SAME_VISIT_MS` (30 minutes) is the same visit.',
    ok: { description: 'This visit and the one before it.', schema: dealVisit },
    errors: { 401: 'No valid session.', 404: 'No such deal, or the caller may not see it.' },
  }),
  commitments: operation({
    tag: 'Activity',
    summary: 'The commitments log',
    description:
      'Every verifier ticked or unticked, by whom (the person whose session sent it) and when, oldest first. An untick is logged; a tick is never erased.',
    ok: { description: 'The log.', schema: commitmentLog },
    errors: { 401: 'No valid session.', 404: 'No such deal, or the caller may not see it.' },
  }),
};
