import { parseRoomName } from '@quorum/auth';
import type { Database } from '@quorum/db';
import {
  type ActivityRoom,
  describeChange,
  describeTransaction,
  type PresenceIdentity,
  type RecordChange,
  RecordShadow,
} from '@quorum/deal-model';
import type { AppliedChange } from '@quorum/sync';
import type * as Y from 'yjs';
import {
  type ActivityEntry,
  type CommitmentEntry,
  deleteActivity,
  findCoalescible,
  insertActivity,
  insertCommitment,
  updateActivity,
} from './activity-store.ts';

/** A tick or untick just logged. */
export interface LoggedCommitment extends CommitmentEntry {
  id: string;
}

/** Options of {@link ActivityRecorder}. */
export interface ActivityRecorderOptions {
  db: Database;
  /** Edits of one record by one person within this long share one entry (default 5 minutes). */
  coalesceMs?: number;
  /** Changes waiting to be written, at most (default 5 000); past it the oldest are dropped, and logged. */
  maxQueued?: number;
  /** Called after a tick or untick was logged (to mail the other side); errors go to `onError`. */
  onCommitment?: (commitment: LoggedCommitment) => void | Promise<void>;
  onError?: (error: unknown) => void;
  now?: () => Date;
}

/** Who made a change, as far as the activity needs it. */
interface Actor {
  userId: string | null;
  stakeholderId: string | null;
  name: string;
  side: 'seller' | 'buyer' | 'manager' | null;
}

/** A described change waiting for its update to be stored. */
interface Pending {
  seq: number;
  entry: ActivityEntry;
  change: RecordChange;
  side: Actor['side'];
}

interface RoomState {
  dealId: string;
  room: ActivityRoom;
  shadow: RecordShadow;
  pending: Pending[];
}

function isIdentity(value: unknown): value is PresenceIdentity {
  const identity = value as Partial<PresenceIdentity> | null;
  return typeof identity?.userId === 'string' && typeof identity.name === 'string';
}

/**
 * Derives a deal's activity feed and commitments log from the updates the room engine stores (issue 13), never from
 * what a client claims: the engine says which connection (whose session) sent each update; each transaction is diffed
 * record by record against a plain shadow of the document (deal-model's `RecordShadow`) and worded; once the update is
 * stored (`onChange` reports its seq) the words are written, off the relay's path, one write at a time, bounded.
 * Wire its `onLoaded`, `onApplied` and `onChange` to the engine's hooks of the same names.
 *
 * What is recorded: changes by people through their sockets, and a stakeholder's answer through their guide link
 * (a server-side write to `voices`). Other server-side writes are not activity of anyone and are left out.
 */
export class ActivityRecorder {
  readonly #db: Database;
  readonly #coalesceMs: number;
  readonly #maxQueued: number;
  readonly #onCommitment: ActivityRecorderOptions['onCommitment'];
  readonly #onError: (error: unknown) => void;
  readonly #now: () => Date;
  readonly #rooms = new WeakMap<Y.Doc, RoomState>();
  /** The shared document's shadow per deal, for stakeholder names (also in the private rooms' words). */
  readonly #sharedShadows = new Map<string, WeakRef<RecordShadow>>();
  #queue: Pending[] = [];
  #writing: Promise<void> | null = null;
  #dropped = 0;

  constructor({
    db,
    coalesceMs = 5 * 60 * 1000,
    maxQueued = 5_000,
    onCommitment,
    onError = (error) => console.error('[activity] could not record a change', error),
    now = () => new Date(),
  }: ActivityRecorderOptions) {
    this.#db = db;
    this.#coalesceMs = coalesceMs;
    this.#maxQueued = maxQueued;
    this.#onCommitment = onCommitment;
    this.#onError = onError;
    this.#now = now;
  }

  /** Engine hook: a room was loaded from storage; its shadow starts from the stored state. */
  readonly onLoaded = (roomName: string, doc: Y.Doc): void => {
    const parsed = parseRoomName(roomName);
    if (!parsed) return;
    const shadow = new RecordShadow(doc, parsed.kind);
    this.#rooms.set(doc, { dealId: parsed.dealId, room: parsed.kind, shadow, pending: [] });
    if (parsed.kind === 'shared') {
      if (this.#sharedShadows.size > 10_000) this.#sweepShadows();
      this.#sharedShadows.set(parsed.dealId, new WeakRef(shadow));
    }
  };

  /** Engine hook: a change was applied (not stored yet); it is worded now, against the shadow. */
  readonly onApplied = (_room: string, { doc, transaction, identity, seq, remote }: AppliedChange): void => {
    const state = this.#rooms.get(doc);
    if (!state) return;
    const changes = state.shadow.apply(transaction);
    if (remote || seq === null || changes.length === 0) return;
    const person = isIdentity(identity) ? identity : null;
    const described = describeTransaction(changes, {
      actor: person?.name ?? null,
      stakeholderName: (id) => this.#stakeholderName(state.dealId, id),
    });
    const at = this.#now();
    for (const { kind, words, change } of described) {
      const actor: Actor | null = person
        ? { userId: person.userId, stakeholderId: null, name: person.name, side: person.side }
        : change.recordType === 'voice'
          ? {
              userId: null,
              stakeholderId: change.recordId,
              name: this.#stakeholderName(state.dealId, change.recordId) ?? 'A stakeholder',
              side: null,
            }
          : null;
      if (!actor) continue;
      state.pending.push({
        seq,
        change,
        side: actor.side,
        entry: {
          dealId: state.dealId,
          side: state.room,
          actor: { userId: actor.userId, stakeholderId: actor.stakeholderId, name: actor.name },
          kind,
          recordType: change.recordType,
          recordId: change.recordId,
          words,
          before: change.before,
          at,
        },
      });
    }
  };

  /** Engine hook: the room's changes up to `storedSeq` are stored; their words are written. */
  readonly onChange = (_room: string, doc: Y.Doc, info: { remote: boolean; storedSeq?: number }): void => {
    if (info.remote || info.storedSeq === undefined) return;
    const state = this.#rooms.get(doc);
    if (!state || state.pending.length === 0) return;
    const stored = info.storedSeq;
    const ready = state.pending.filter((p) => p.seq <= stored);
    if (ready.length === 0) return;
    state.pending = state.pending.filter((p) => p.seq > stored);
    this.#queue.push(...ready);
    if (this.#queue.length > this.#maxQueued) {
      const drop = this.#queue.length - this.#maxQueued;
      this.#queue.splice(0, drop);
      this.#dropped += drop;
      this.#onError(new Error(`activity queue full: dropped ${drop} changes (${this.#dropped} in all)`));
    }
    this.#kick();
  };

  /** Resolves once every stored change handed over so far is written. */
  async flush(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  #kick(): void {
    if (this.#writing) return;
    this.#writing = this.#drain().finally(() => {
      this.#writing = null;
      if (this.#queue.length > 0) this.#kick();
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const next = this.#queue.shift()!;
      try {
        await this.#write(next);
      } catch (error) {
        this.#onError(error);
      }
    }
  }

  async #write({ entry, change, side }: Pending): Promise<void> {
    if (entry.recordType === 'verifier' && (entry.kind === 'ticked' || entry.kind === 'unticked')) {
      if (entry.actor.userId && (side === 'seller' || side === 'buyer')) {
        const after = change.after as { text?: unknown } | undefined;
        const commitment: CommitmentEntry = {
          dealId: entry.dealId,
          verifierId: entry.recordId,
          verifierText: typeof after?.text === 'string' ? after.text : '',
          action: entry.kind,
          actor: { userId: entry.actor.userId, name: entry.actor.name, side },
          at: entry.at,
        };
        const id = await insertCommitment(this.#db, commitment);
        await this.#onCommitment?.({ ...commitment, id });
      }
    }
    const joined = await findCoalescible(this.#db, entry, this.#coalesceMs);
    if (!joined) {
      await insertActivity(this.#db, entry);
      return;
    }
    const whole = describeChange(
      { ...change, before: joined.before ?? undefined },
      {
        actor: entry.actor.userId ? entry.actor.name : null,
        stakeholderName: (id) => this.#stakeholderName(entry.dealId, id),
      },
    );
    if (!whole) {
      await deleteActivity(this.#db, joined.id);
      return;
    }
    // A record added and then edited in the same run is still an addition.
    const kind = joined.kind === 'added' ? 'added' : whole.kind;
    await updateActivity(this.#db, joined.id, { kind, words: whole.words, at: entry.at });
  }

  #stakeholderName(dealId: string, stakeholderId: string): string | undefined {
    const record = this.#sharedShadows.get(dealId)?.deref()?.get(['stakeholders', stakeholderId]) as
      | { name?: unknown }
      | undefined;
    return typeof record?.name === 'string' && record.name.trim() ? record.name.trim() : undefined;
  }

  #sweepShadows(): void {
    for (const [dealId, ref] of this.#sharedShadows) if (!ref.deref()) this.#sharedShadows.delete(dealId);
  }
}
