/**
 * The largest single edit a field accepts: 1 MiB of UTF-8. One edit travels to the server as one websocket
 * frame, and the server closes a connection whose frame passes 2 MiB (1009, DESIGN.md §4 "Sync"); the
 * margin leaves room for the update's own encoding and for the rest of the edit's transaction. This is the
 * one place the web app sets it.
 */
export const MAX_EDIT_BYTES = 1024 * 1024;

const encoder = new TextEncoder();

/** The size of `text` in UTF-8, as it travels. */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).byteLength;
}

/** A size for people: `850 bytes`, `12 KB`, `3.1 MB` (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? Math.round(mb * 10) / 10 : Math.round(mb)} MB`;
}

/** An edit a field refused because it was too large to sync. */
export interface RefusedEdit {
  /** The size of the text that would have been added, in UTF-8 bytes. */
  bytes: number;
}

/**
 * The sentence a field shows under itself when it refused an edit, in the product's voice: what happened,
 * how large it was, and what to do.
 */
export function refusedEditMessage({ bytes }: RefusedEdit): string {
  return `That text is too large to add in one go (${formatBytes(bytes)}; up to ${formatBytes(MAX_EDIT_BYTES)} at a time), so the field was left as it was. Add it in smaller parts, or keep the document elsewhere and link to it here.`;
}

/** Whether adding `inserted` as one edit would pass {@link MAX_EDIT_BYTES}; returns the refused edit or null. */
export function refuseOversizedEdit(inserted: string): RefusedEdit | null {
  // A UTF-8 character takes at most 3 bytes per UTF-16 unit: short texts need no encoding to be safe.
  if (inserted.length * 3 <= MAX_EDIT_BYTES) return null;
  const bytes = utf8Bytes(inserted);
  return bytes > MAX_EDIT_BYTES ? { bytes } : null;
}
