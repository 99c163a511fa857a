import type * as Y from 'yjs';
import type { RoomSession } from '../session/room-session.svelte.ts';

/**
 * Runs an edit as the person's own (undoable, relayed) and returns null, or returns the sentence to show
 * when the deal model refused it (a RangeError: a reporting loop, an unknown reference). Other errors are bugs
 * and propagate.
 */
export function writeOrExplain(session: RoomSession, doc: Y.Doc, change: () => void): string | null {
  try {
    session.write(doc, change);
    return null;
  } catch (error) {
    if (error instanceof RangeError) return explain(error.message);
    throw error;
  }
}

function explain(message: string): string {
  if (message.includes('reporting cycle'))
    return 'That would make a reporting loop: someone would report to their own report.';
  return `That change was not applied: ${message}.`;
}
