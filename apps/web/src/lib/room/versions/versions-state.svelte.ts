import {
  applyPlainAt,
  type DocumentJson,
  type DocumentKind,
  docToJson,
  restoreDocument,
  type VersionRecord,
  valueAt,
  versionRecords,
} from '@quorum/deal-model';
import { ApiError, api, type DealVersion, type DealVersionDetail } from '$lib/api/index.ts';
import type { RoomSession } from '../session/room-session.svelte.ts';

/** Collections whose changes can change what a version offers to restore. */
const WATCHED = ['stakeholders', 'criteria', 'objections', 'options', 'workshops', 'plan'];

/**
 * The room's versions: the list, saving one, viewing one read-only, and restoring a record or a whole document from
 * it. A restore is an edit of this person on the live document (`session.write`): every client receives it, and
 * their undo takes it back.
 */
export class VersionsState {
  readonly #session: RoomSession;
  readonly #dealId: string;
  versions = $state<DealVersion[]>([]);
  loading = $state(false);
  error = $state<string | null>(null);
  /** The version being viewed, or null (the list). */
  viewing = $state<DealVersionDetail | null>(null);
  /** What the last restore did, for a polite live region. */
  notice = $state<string | null>(null);

  constructor(session: RoomSession) {
    this.#session = session;
    this.#dealId = session.dealId;
  }

  get canEdit(): boolean {
    return !this.#session.readOnly;
  }

  /** The shared records of the viewed version that today's document lost or changed (live). */
  get records(): VersionRecord[] {
    const viewing = this.viewing;
    if (!viewing) return [];
    for (const name of WATCHED) this.#session.version(name);
    return versionRecords(viewing.documents.shared, docToJson(this.#session.shared, 'shared'));
  }

  /** The private document of the viewed version this person's side has, with its kind. */
  get privateDocument(): { kind: DocumentKind; json: DocumentJson } | null {
    const side = this.#session.side;
    const json = side ? this.viewing?.documents[side] : undefined;
    return side && json ? { kind: side, json } : null;
  }

  async load(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.versions = await api.listVersions(this.#dealId);
    } catch (cause) {
      this.error = cause instanceof ApiError ? cause.message : 'We couldn’t load the versions.';
    } finally {
      this.loading = false;
    }
  }

  /** Saves a version; resolves with it, or rejects with the API's error (the form shows it on its field). */
  async save(name: string): Promise<DealVersion> {
    const version = await api.saveVersion(this.#dealId, name);
    this.versions = [version, ...this.versions.filter((v) => v.id !== version.id)];
    return version;
  }

  async view(versionId: string): Promise<void> {
    this.error = null;
    this.notice = null;
    try {
      this.viewing = await api.getVersion(this.#dealId, versionId);
    } catch (cause) {
      this.error = cause instanceof ApiError ? cause.message : 'We couldn’t open this version.';
    }
  }

  back(): void {
    this.viewing = null;
    this.notice = null;
  }

  /** Writes one record of the viewed version back into the live shared document. */
  restoreRecord(record: VersionRecord): void {
    const viewing = this.viewing;
    if (!viewing || !this.canEdit) return;
    const doc = this.#session.shared;
    this.#session.undo.stopCapturing();
    this.#session.write(doc, () =>
      applyPlainAt(doc, 'shared', record.path, valueAt(viewing.documents.shared, record.path)),
    );
    this.#session.undo.stopCapturing();
    this.notice = `Restored “${record.label}” from ${viewing.name}. Undo (Ctrl+Z) takes it back.`;
  }

  /** Makes a live document (`shared` or this side's private one) hold exactly the viewed version's. */
  restoreWhole(which: 'shared' | 'private'): void {
    const viewing = this.viewing;
    if (!viewing || !this.canEdit) return;
    const target =
      which === 'shared'
        ? { doc: this.#session.shared, kind: 'shared' as const, json: viewing.documents.shared }
        : this.privateDocument && this.#session.private
          ? { doc: this.#session.private, ...this.privateDocument }
          : null;
    if (!target) return;
    this.#session.undo.stopCapturing();
    this.#session.write(target.doc, () => restoreDocument(target.doc, target.kind, target.json));
    this.#session.undo.stopCapturing();
    this.notice = `Restored the whole ${which === 'shared' ? 'shared' : 'private'} document from ${viewing.name}. Undo (Ctrl+Z) takes it back.`;
  }
}
