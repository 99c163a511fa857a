import type { CommentCounts, CommentView, Mentionable, RecordKind, ThreadSide, ThreadView } from '@quorum/api-schema';
import { jsonRequest } from './json-request.ts';

const enc = encodeURIComponent;

/** The comment endpoints (issue 13); each rejects with an `ApiError`. */
export const commentsApi = {
  threads: async (dealId: string, record: { kind: RecordKind; id: string }) =>
    (
      await jsonRequest<{ threads: ThreadView[] }>(
        'GET',
        `/api/deals/${enc(dealId)}/threads?record=${enc(`${record.kind}:${record.id}`)}`,
      )
    ).threads,
  startThread: (
    dealId: string,
    input: { side: ThreadSide; record: { kind: RecordKind; id: string }; body: string; mentions: string[] },
  ) => jsonRequest<ThreadView>('POST', `/api/deals/${enc(dealId)}/threads`, input),
  reply: (threadId: string, input: { body: string; mentions: string[] }) =>
    jsonRequest<CommentView>('POST', `/api/threads/${enc(threadId)}/comments`, input),
  setResolved: (threadId: string, resolved: boolean) =>
    jsonRequest<ThreadView>('PATCH', `/api/threads/${enc(threadId)}`, { resolved }),
  counts: async (dealId: string) =>
    (await jsonRequest<CommentCounts>('GET', `/api/deals/${enc(dealId)}/comment-counts`)).counts,
  mentionable: async (dealId: string, side: ThreadSide) =>
    (await jsonRequest<Mentionable>('GET', `/api/deals/${enc(dealId)}/mentionable?side=${side}`)).people,
};
