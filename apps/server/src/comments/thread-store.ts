import type { CommentView, RecordKind, ThreadSide, ThreadView } from '@quorum/api-schema';
import { comments, commentThreads, type Database, users } from '@quorum/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';

/** A thread row as the routes use it. */
export interface ThreadRecord {
  id: string;
  dealId: string;
  side: ThreadSide;
  recordKind: RecordKind;
  recordId: string;
  createdBy: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
}

/** A new comment. */
export interface CommentInput {
  authorId: string;
  body: string;
  mentions: readonly string[];
}

const threadColumns = {
  id: commentThreads.id,
  dealId: commentThreads.dealId,
  side: commentThreads.side,
  recordKind: commentThreads.recordKind,
  recordId: commentThreads.recordId,
  createdBy: commentThreads.createdBy,
  createdAt: commentThreads.createdAt,
  resolvedAt: commentThreads.resolvedAt,
  resolvedBy: commentThreads.resolvedBy,
};

/** Creates a thread with its first comment (one transaction); returns the ids. */
export async function insertThread(
  db: Database,
  input: { dealId: string; side: ThreadSide; record: { kind: RecordKind; id: string } } & CommentInput,
): Promise<{ threadId: string; commentId: string }> {
  return db.transaction(async (tx) => {
    const [thread] = await tx
      .insert(commentThreads)
      .values({
        dealId: input.dealId,
        side: input.side,
        recordKind: input.record.kind,
        recordId: input.record.id,
        createdBy: input.authorId,
      })
      .returning({ id: commentThreads.id });
    const [comment] = await tx
      .insert(comments)
      .values({ threadId: thread!.id, authorId: input.authorId, body: input.body, mentions: [...input.mentions] })
      .returning({ id: comments.id });
    return { threadId: thread!.id, commentId: comment!.id };
  });
}

/** Adds a comment to a thread; returns its id and time. */
export async function insertComment(
  db: Database,
  threadId: string,
  input: CommentInput,
): Promise<{ id: string; createdAt: Date }> {
  const [row] = await db
    .insert(comments)
    .values({ threadId, authorId: input.authorId, body: input.body, mentions: [...input.mentions] })
    .returning({ id: comments.id, createdAt: comments.createdAt });
  return row!;
}

/** A thread by id, or null. */
export async function findThread(db: Database, threadId: string): Promise<ThreadRecord | null> {
  const [row] = await db.select(threadColumns).from(commentThreads).where(eq(commentThreads.id, threadId));
  return (row as ThreadRecord | undefined) ?? null;
}

/** Resolves (`by` given) or reopens (`by` null) a thread. */
export async function setResolved(db: Database, threadId: string, by: string | null): Promise<void> {
  await db
    .update(commentThreads)
    .set(by ? { resolvedAt: new Date(), resolvedBy: by } : { resolvedAt: null, resolvedBy: null })
    .where(eq(commentThreads.id, threadId));
}

/**
 * Everyone already in a thread: who started it, who commented, who was mentioned. They are told of replies (when
 * they may still read the thread's side).
 */
export async function threadParticipants(db: Database, threadId: string): Promise<string[]> {
  const rows = await db
    .select({ authorId: comments.authorId, mentions: comments.mentions })
    .from(comments)
    .where(eq(comments.threadId, threadId));
  const thread = await findThread(db, threadId);
  const ids = new Set<string>(thread ? [thread.createdBy] : []);
  for (const row of rows) {
    ids.add(row.authorId);
    for (const id of row.mentions) ids.add(id);
  }
  return [...ids];
}

/**
 * The threads of a deal on the given sides (never any other), with their comments, oldest first; only those on
 * `record` when given, only `threadIds` when given.
 */
export async function loadThreads(
  db: Database,
  dealId: string,
  {
    sides,
    record,
    threadIds,
  }: { sides: readonly ThreadSide[]; record?: { kind: string; id: string }; threadIds?: readonly string[] },
): Promise<ThreadView[]> {
  if (sides.length === 0 || threadIds?.length === 0) return [];
  const conditions = [eq(commentThreads.dealId, dealId), inArray(commentThreads.side, [...sides])];
  if (record) conditions.push(eq(commentThreads.recordKind, record.kind), eq(commentThreads.recordId, record.id));
  if (threadIds) conditions.push(inArray(commentThreads.id, [...threadIds]));
  const threads = (await db
    .select(threadColumns)
    .from(commentThreads)
    .where(and(...conditions))
    .orderBy(asc(commentThreads.createdAt), asc(commentThreads.id))) as ThreadRecord[];
  if (threads.length === 0) return [];
  const rows = await db
    .select({
      id: comments.id,
      threadId: comments.threadId,
      authorId: comments.authorId,
      body: comments.body,
      mentions: comments.mentions,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
    })
    .from(comments)
    .where(
      inArray(
        comments.threadId,
        threads.map((t) => t.id),
      ),
    )
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const names = await loadNames(db, [
    ...threads.flatMap((t) => [t.createdBy, ...(t.resolvedBy ? [t.resolvedBy] : [])]),
    ...rows.flatMap((r) => [r.authorId, ...r.mentions]),
  ]);
  const byThread = new Map<string, CommentView[]>();
  for (const row of rows) {
    const list = byThread.get(row.threadId) ?? [];
    list.push({
      id: row.id,
      threadId: row.threadId,
      author: names.person(row.authorId),
      body: row.body,
      mentions: row.mentions.map((id) => names.person(id)),
      createdAt: row.createdAt.toISOString(),
      editedAt: row.editedAt?.toISOString() ?? null,
    });
    byThread.set(row.threadId, list);
  }
  return threads.map((t) => ({
    id: t.id,
    dealId: t.dealId,
    side: t.side,
    record: { kind: t.recordKind, id: t.recordId },
    createdBy: names.person(t.createdBy),
    createdAt: t.createdAt.toISOString(),
    resolvedAt: t.resolvedAt?.toISOString() ?? null,
    resolvedBy: t.resolvedBy ? names.person(t.resolvedBy) : null,
    comments: byThread.get(t.id) ?? [],
  }));
}

/** One thread as the API shows it (the caller's access to its side already checked). */
export async function loadThread(db: Database, thread: ThreadRecord): Promise<ThreadView> {
  const [view] = await loadThreads(db, thread.dealId, { sides: [thread.side], threadIds: [thread.id] });
  return view!;
}

/** Per record and side (only `sides`): how many threads, how many still open, how many comments. */
export async function countComments(db: Database, dealId: string, sides: readonly ThreadSide[]) {
  if (sides.length === 0) return [];
  const rows = await db
    .select({
      kind: commentThreads.recordKind,
      id: commentThreads.recordId,
      side: commentThreads.side,
      threads: sql<number>`count(distinct ${commentThreads.id})::int`,
      open: sql<number>`(count(distinct ${commentThreads.id}) filter (where ${commentThreads.resolvedAt} is null))::int`,
      comments: sql<number>`count(${comments.id})::int`,
    })
    .from(commentThreads)
    .leftJoin(comments, eq(comments.threadId, commentThreads.id))
    .where(and(eq(commentThreads.dealId, dealId), inArray(commentThreads.side, [...sides])))
    .groupBy(commentThreads.recordKind, commentThreads.recordId, commentThreads.side);
  return rows.map(({ kind, id, side, ...figures }) => ({
    record: { kind: kind as RecordKind, id },
    side: side as ThreadSide,
    threads: Number(figures.threads),
    open: Number(figures.open),
    comments: Number(figures.comments),
  }));
}

/** Names of users by id (a removed account shows as "Someone"). */
async function loadNames(db: Database, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  const rows = unique.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r.name]));
  return { person: (id: string) => ({ id, name: byId.get(id) ?? 'Someone' }) };
}
