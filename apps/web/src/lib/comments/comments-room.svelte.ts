import type { CommentView, RecordKind, ThreadSide, ThreadView } from '@quorum/api-schema';
import { SvelteMap } from 'svelte/reactivity';
import { commentsApi } from './comments-api.ts';
import type { Mentionable } from './mention-query.ts';
import { type Role, writableSides } from './sides.ts';

/** A record whose comments are shown. */
export interface OpenRecord {
  kind: RecordKind;
  id: string;
  /** How the panel names it ("objection “Too expensive”"). */
  label: string;
}

/** What the count on a record shows. */
export interface RecordCount {
  comments: number;
  open: number;
  threads: number;
}

/** Options of {@link CommentsRoom}. */
export interface CommentsRoomOptions {
  dealId: string;
  role: Role;
  /** Opens the deal's comment event stream; the browser's `EventSource` by default. */
  openStream?: (url: string) => EventSource;
}

const key = (kind: string, id: string) => `${kind}:${id}`;

/**
 * The comments of one deal room: the counts on every record, the side panel's record and threads, kept live through
 * the deal's comment event stream (which carries only threads on sides this person may read).
 */
export class CommentsRoom {
  readonly dealId: string;
  readonly role: Role;
  /** Per record (`kind:id`): comments, open threads and threads on the sides this person reads. */
  readonly counts = new SvelteMap<string, RecordCount>();
  /** The record whose comments the panel shows, or null (panel closed). */
  record = $state<OpenRecord | null>(null);
  /** The open record's threads, oldest first. */
  threads = $state<ThreadView[]>([]);
  loading = $state(false);
  error = $state<string | null>(null);
  /** Whether the event stream is connected. */
  live = $state(false);
  /** A thread to bring into view when the panel opens (from a notification). */
  focusThread = $state<string | null>(null);

  readonly #openStream: (url: string) => EventSource;
  readonly #mentionable = new Map<ThreadSide, Promise<Mentionable[]>>();
  #countsTimer: ReturnType<typeof setTimeout> | null = null;

  constructor({
    dealId,
    role,
    openStream = (url) => new EventSource(url, { withCredentials: true }),
  }: CommentsRoomOptions) {
    this.dealId = dealId;
    this.role = role;
    this.#openStream = openStream;
  }

  /** Opens the live stream (and loads the counts once it is ready); returns how to close it. */
  start(): () => void {
    const source = this.#openStream(`/api/deals/${encodeURIComponent(this.dealId)}/events/comments`);
    const data = (event: Event) => JSON.parse((event as MessageEvent<string>).data);
    source.addEventListener('ready', () => {
      this.live = true;
      void this.refreshCounts();
      if (this.record) void this.#loadThreads(this.record);
    });
    source.addEventListener('thread', (event) => this.#onThread(data(event) as ThreadView));
    source.addEventListener('comment', (event) => {
      const { threadId, comment } = data(event) as { threadId: string; comment: CommentView };
      this.#addComment(threadId, comment);
      this.#scheduleCounts();
    });
    source.addEventListener('resolution', (event) => {
      const update = data(event) as Pick<ThreadView, 'resolvedAt' | 'resolvedBy'> & { threadId: string };
      this.threads = this.threads.map((t) =>
        t.id === update.threadId ? { ...t, resolvedAt: update.resolvedAt, resolvedBy: update.resolvedBy } : t,
      );
      this.#scheduleCounts();
    });
    for (const end of ['revoked', 'signed-out']) {
      source.addEventListener(end, () => {
        this.live = false;
        source.close();
      });
    }
    source.addEventListener('error', () => {
      this.live = false;
    });
    return () => {
      source.close();
      if (this.#countsTimer) clearTimeout(this.#countsTimer);
    };
  }

  /** The count on a record. */
  countOf(kind: RecordKind, id: string): RecordCount {
    return this.counts.get(key(kind, id)) ?? { comments: 0, open: 0, threads: 0 };
  }

  /** Opens the panel on a record. */
  open(record: OpenRecord, threadId: string | null = null): void {
    this.focusThread = threadId;
    if (this.record?.kind === record.kind && this.record.id === record.id) return;
    this.record = record;
    this.threads = [];
    void this.#loadThreads(record);
  }

  close(): void {
    this.record = null;
    this.threads = [];
    this.error = null;
  }

  /** The sides this person may start a thread on, for the open record. */
  get writableSides(): ThreadSide[] {
    return this.record ? writableSides(this.role, this.record.kind) : [];
  }

  /** Whether this person may write in a thread of `side`. */
  canWrite(side: ThreadSide): boolean {
    return (
      (this.role === 'seller' && (side === 'shared' || side === 'seller')) ||
      (this.role === 'mobilizer' && (side === 'shared' || side === 'buyer'))
    );
  }

  /** The people a comment on `side` may mention (loaded once per side). */
  mentionable(side: ThreadSide): Promise<Mentionable[]> {
    let people = this.#mentionable.get(side);
    if (!people) {
      people = commentsApi.mentionable(this.dealId, side).catch((error: unknown) => {
        this.#mentionable.delete(side);
        throw error;
      });
      this.#mentionable.set(side, people);
    }
    return people;
  }

  async startThread(side: ThreadSide, body: string, mentions: string[]): Promise<void> {
    const record = this.record;
    if (!record) return;
    const thread = await commentsApi.startThread(this.dealId, {
      side,
      record: { kind: record.kind, id: record.id },
      body,
      mentions,
    });
    this.#onThread(thread);
  }

  async reply(threadId: string, body: string, mentions: string[]): Promise<void> {
    const comment = await commentsApi.reply(threadId, { body, mentions });
    this.#addComment(threadId, comment);
    this.#scheduleCounts();
  }

  async setResolved(threadId: string, resolved: boolean): Promise<void> {
    const thread = await commentsApi.setResolved(threadId, resolved);
    this.threads = this.threads.map((t) => (t.id === thread.id ? thread : t));
    this.#scheduleCounts();
  }

  async refreshCounts(): Promise<void> {
    try {
      const counts = await commentsApi.counts(this.dealId);
      const next = new Map<string, RecordCount>();
      for (const c of counts) {
        const k = key(c.record.kind, c.record.id);
        const sum = next.get(k) ?? { comments: 0, open: 0, threads: 0 };
        next.set(k, { comments: sum.comments + c.comments, open: sum.open + c.open, threads: sum.threads + c.threads });
      }
      for (const k of [...this.counts.keys()]) if (!next.has(k)) this.counts.delete(k);
      for (const [k, v] of next) {
        const old = this.counts.get(k);
        if (!old || old.comments !== v.comments || old.open !== v.open || old.threads !== v.threads)
          this.counts.set(k, v);
      }
    } catch (error) {
      // Counts are a hint: the next event or reconnection loads them again.
      console.warn('[comments] could not load the comment counts', error);
    }
  }

  #scheduleCounts(): void {
    if (this.#countsTimer) clearTimeout(this.#countsTimer);
    this.#countsTimer = setTimeout(() => {
      this.#countsTimer = null;
      void this.refreshCounts();
    }, 100);
  }

  async #loadThreads(record: OpenRecord): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      const threads = await commentsApi.threads(this.dealId, record);
      if (this.record?.kind === record.kind && this.record.id === record.id) this.threads = threads;
    } catch (error) {
      this.error = error instanceof Error ? error.message : 'The comments could not be loaded.';
    } finally {
      this.loading = false;
    }
  }

  #isOpen(record: { kind: string; id: string }): boolean {
    return this.record !== null && this.record.kind === record.kind && this.record.id === record.id;
  }

  #onThread(thread: ThreadView): void {
    if (this.#isOpen(thread.record) && !this.threads.some((t) => t.id === thread.id)) {
      this.threads = [...this.threads, thread];
    }
    this.#scheduleCounts();
  }

  #addComment(threadId: string, comment: CommentView): void {
    this.threads = this.threads.map((t) =>
      t.id === threadId && !t.comments.some((c) => c.id === comment.id)
        ? { ...t, comments: [...t.comments, comment] }
        : t,
    );
  }
}
