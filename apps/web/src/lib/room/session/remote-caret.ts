import * as Y from 'yjs';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** A caret at `index` in `text` as presence carries it: a relative position (it follows its character), in base64. */
export function encodeCaret(text: Y.Text, index: number): string {
  const clamped = Math.max(0, Math.min(index, text.length));
  return toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, clamped)));
}

/** Where an announced caret is in `text` now, or null when it is not in that text (or unreadable). */
export function decodeCaret(text: Y.Text, caret: string): number | null {
  const doc = text.doc;
  if (!doc) return null;
  let position: Y.AbsolutePosition | null;
  try {
    position = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(caret)), doc);
  } catch {
    // A caret from a newer or broken client: show no caret rather than a wrong one.
    return null;
  }
  if (!position || position.type !== text) return null;
  return position.index;
}
