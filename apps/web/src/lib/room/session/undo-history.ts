import * as Y from 'yjs';

/** The types one undo manager tracks (top-level types of one document). */
export type UndoScope = ConstructorParameters<typeof Y.UndoManager>[0];

/**
 * Undo and redo of one person's own edits across the room's documents (shared + private side).
 *
 * Each document gets a `Y.UndoManager` that tracks only transactions made with `origin`, so remote edits
 * are never undone. Every stack item is stamped with a sequence number, and undo/redo pick the document
 * whose newest item is the most recent, so Ctrl+Z walks back through the person's edits in order.
 */
export class UndoHistory {
  readonly #managers: Y.UndoManager[] = [];
  /** Documents whose edits are not recorded right now (see {@link suspend}). */
  readonly #suspended = new Set<Y.Doc>();
  #sequence = 0;
  #listeners = new Set<() => void>();

  constructor(
    readonly origin: unknown,
    { captureTimeout = 500 }: { captureTimeout?: number } = {},
  ) {
    this.captureTimeout = captureTimeout;
  }

  readonly captureTimeout: number;

  /** Tracks the given top-level types of one document. */
  track(scope: UndoScope): void {
    const manager = new Y.UndoManager(scope, {
      trackedOrigins: new Set([this.origin]),
      captureTimeout: this.captureTimeout,
      captureTransaction: (transaction) => !this.#suspended.has(transaction.doc),
    });
    manager.on('stack-item-added', (event: { stackItem: { meta: Map<string, unknown> } }) => {
      event.stackItem.meta.set('sequence', ++this.#sequence);
      this.#notify();
    });
    manager.on('stack-item-updated', (event: { stackItem: { meta: Map<string, unknown> } }) => {
      event.stackItem.meta.set('sequence', ++this.#sequence);
    });
    manager.on('stack-item-popped', () => this.#notify());
    manager.on('stack-cleared', () => this.#notify());
    this.#managers.push(manager);
  }

  get canUndo(): boolean {
    return this.#managers.some((m) => m.undoStack.length > 0);
  }

  get canRedo(): boolean {
    return this.#managers.some((m) => m.redoStack.length > 0);
  }

  /** Undoes the most recent own edit in any tracked document. Returns false when there is nothing to undo. */
  undo(): boolean {
    const manager = this.#newest('undoStack');
    if (!manager) return false;
    manager.undo();
    return true;
  }

  /** Redoes the most recently undone edit. Returns false when there is nothing to redo. */
  redo(): boolean {
    const manager = this.#newest('redoStack');
    if (!manager) return false;
    manager.redo();
    return true;
  }

  /** Ends the current capture group, so the next edit becomes its own undo step. */
  stopCapturing(): void {
    for (const manager of this.#managers) manager.stopCapturing();
  }

  /**
   * Forgets the undo history of `doc` and records none of its edits until {@link resume}. An undo step keeps
   * the text it deleted in the document (so it can bring it back), and that text travels with the next sync:
   * when the server refused the document as too large, the person's removal of the large text must really
   * remove it.
   */
  suspend(doc: Y.Doc): void {
    this.#suspended.add(doc);
    for (const manager of this.#managers) if (manager.doc === doc) manager.clear();
  }

  /** Records the edits of `doc` again. */
  resume(doc: Y.Doc): void {
    this.#suspended.delete(doc);
  }

  /** Calls `listener` whenever the stacks change (to enable or disable undo buttons). */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  destroy(): void {
    for (const manager of this.#managers) manager.destroy();
    this.#managers.length = 0;
    this.#listeners.clear();
  }

  #newest(stack: 'undoStack' | 'redoStack'): Y.UndoManager | undefined {
    let best: Y.UndoManager | undefined;
    let bestSequence = -1;
    for (const manager of this.#managers) {
      const top = manager[stack].at(-1);
      const sequence = (top?.meta.get('sequence') as number | undefined) ?? -1;
      if (top && sequence > bestSequence) {
        best = manager;
        bestSequence = sequence;
      }
    }
    return best;
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
