import { healthHistory } from '@quorum/api-schema';
import { operation } from '../openapi/index.ts';

/** OpenAPI descriptions of the deal status routes. */
export const statusDocs = {
  events: operation({
    tag: 'Deal status',
    summary: 'Deal status events (server-sent events)',
    description:
      'One `status` event per visible deal, then `ready`, then one `status` event per change; `ping` as heartbeat; `signed-out` once the session ends.',
    ok: { description: 'An event stream.', media: 'text/event-stream' },
    errors: { 401: 'No valid session.' },
  }),
  healthHistory: operation({
    tag: 'Deal status',
    summary: 'Health trend of the visible deals',
    ok: { description: 'Per deal, its last `limit` health points, oldest first.', schema: healthHistory },
    errors: { 400: '`limit` is not a whole number from 1 to 1000.', 401: 'No valid session.' },
  }),
};
