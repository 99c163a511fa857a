import type { CommentCounts, CommentView, Mentionable, RecordKind, ThreadSide, ThreadView } from '@quorum/api-schema';
import { apiRequest } from '$lib/api/index.ts';

const enc = encodeURIComponent;

/** The comment endpoints (issue 13); each rejects with an `ApiError`. */
export const commentsApi = {
  threads: async (dealId: string, record: { kind: RecordKind; id: string }) =>
    (
      await apiRequest<{ threads: ThreadView[] }>(
        'GET',
        `/api/deals/${enc(dealId)}/threads?record=${enc(`${record.kind}:${record.id}`)}`,
      )
    ).threads,
  startThread: (
    dealId: string,
    input: { side: ThreadSide; record: { kind: RecordKind; id: string }; body: string; mentions: string[] },
  ) => apiRequest<ThreadView>('POST', `/api/deals/${enc(dealId)}/threads`, { body: input }),
  reply: (threadId: string, input: { body: string; mentions: string[] }) =>
    apiRequest<CommentView>('POST', `/api/threads/${enc(threadId)}/comments`, { body: input }),
  setResolved: (threadId: string, resolved: boolean) =>
    apiRequest<ThreadView>('PATCH', `/api/threads/${enc(threadId)}`, { body: { resolved } }),
  counts: async (dealId: string) =>
    (await apiRequest<CommentCounts>('GET', `/api/deals/${enc(dealId)}/comment-counts`)).counts,
  mentionable: async (dealId: string, side: ThreadSide) =>
    (await apiRequest<Mentionable>('GET', `/api/deals/${enc(dealId)}/mentionable?side=${side}`)).people,
};
