import { commentCounts, commentView, mentionable, threadList, threadView } from '@quorum/api-schema';
import { operation } from '../openapi/index.ts';

const SIDES =
  'A thread has a side, by the rooms’ table: `shared` (seller, Mobilizer and managers read; seller and Mobilizer write), `seller` (sellers and managers read; sellers write), `buyer` (Mobilizers only).';

/** OpenAPI descriptions of the comment routes. */
export const commentDocs = {
  list: operation({
    tag: 'Comments',
    summary: 'Threads of a deal, or of one record',
    description: `${SIDES} Only threads on the sides the caller may read; \`record=<kind>:<id>\` narrows to one record.`,
    ok: { description: 'Threads with their comments, oldest first.', schema: threadList },
    errors: { 400: '`record` is not `<kind>:<id>`.', 401: 'No valid session.', 404: 'No such deal.' },
  }),
  create: operation({
    tag: 'Comments',
    summary: 'Start a thread on a record',
    description: `${SIDES} A thread on a Blocker plan or seller notes is seller-only, on buyer notes buyer-only. \`mentions\` lists user ids; each must be able to read the side (a mention never grants access).`,
    ok: { status: 201, description: 'The new thread with its first comment.', schema: threadView },
    errors: {
      400: 'A field is wrong, the side does not suit the record, or a mentioned person cannot read the side.',
      401: 'No valid session.',
      403: 'The caller may not write on that side (managers read only).',
      404: 'No such deal or record.',
    },
  }),
  reply: operation({
    tag: 'Comments',
    summary: 'Reply in a thread',
    ok: { status: 201, description: 'The new comment.', schema: commentView },
    errors: {
      400: 'A field is wrong, or a mentioned person cannot read the thread.',
      401: 'No valid session.',
      403: 'The caller reads this thread but may not write in it.',
      404: 'No such thread, or the caller may not read its side.',
    },
  }),
  resolve: operation({
    tag: 'Comments',
    summary: 'Resolve or reopen a thread',
    ok: { description: 'The thread.', schema: threadView },
    errors: {
      400: '`resolved` is not a boolean.',
      401: 'No valid session.',
      403: 'The caller reads this thread but may not write in it.',
      404: 'No such thread, or the caller may not read its side.',
    },
  }),
  counts: operation({
    tag: 'Comments',
    summary: 'Comment counts per record',
    description: 'Per record and per side the caller may read: threads, open threads and comments.',
    ok: { description: 'The counts.', schema: commentCounts },
    errors: { 401: 'No valid session.', 404: 'No such deal.' },
  }),
  mentionable: operation({
    tag: 'Comments',
    summary: 'Who a comment on a side may mention',
    description:
      'The people who may read that side: the deal’s members, and on the seller side the organization’s managers too.',
    ok: { description: 'People, by name.', schema: mentionable },
    errors: {
      400: '`side` is missing or wrong.',
      401: 'No valid session.',
      403: 'The caller may not read that side.',
      404: 'No such deal.',
    },
  }),
  events: operation({
    tag: 'Comments',
    summary: 'Live comments of a deal (server-sent events)',
    description:
      '`ready` first, then `thread` (a new thread, with its first comment), `comment` and `resolution` events, each only for threads on a side the caller may read; `ping` as heartbeat; `signed-out` or `revoked` (then the end of the stream) when the session ends or the caller loses access to the deal.',
    ok: { description: 'An event stream.', media: 'text/event-stream' },
    errors: { 401: 'No valid session.', 404: 'No such deal.' },
  }),
};
