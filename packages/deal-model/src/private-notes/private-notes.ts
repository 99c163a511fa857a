import * as Y from 'yjs';
import { replaceText } from '../records/index.ts';

/**
 * Notes shared by the seller document and the buyer document: `notes` (Y.Text) and `stakeholderNotes`
 * (Y.Map stakeholder id → Y.Text). Each side's document is its own room, so these never reach the other side.
 */

/** The document's `notes` Y.Text, for a collaborative editor. */
export function notesText(doc: Y.Doc): Y.Text {
  return doc.getText('notes');
}

/** Replaces the notes with `value` (as a minimal edit). */
export function setNotes(doc: Y.Doc, value: string): void {
  doc.transact(() => replaceText(notesText(doc), value));
}

/** The `stakeholderNotes` map (stakeholder id → Y.Text). */
export function stakeholderNotesMap(doc: Y.Doc): Y.Map<Y.Text> {
  return doc.getMap('stakeholderNotes');
}

/** The note about one stakeholder, for a collaborative editor (created if missing). */
export function stakeholderNoteText(doc: Y.Doc, stakeholderId: string): Y.Text {
  const notes = stakeholderNotesMap(doc);
  const existing = notes.get(stakeholderId);
  if (existing instanceof Y.Text) return existing;
  const created = new Y.Text(typeof existing === 'string' ? existing : '');
  notes.set(stakeholderId, created);
  return created;
}

/** Replaces the note about one stakeholder with `value` (as a minimal edit). */
export function setStakeholderNote(doc: Y.Doc, stakeholderId: string, value: string): void {
  doc.transact(() => replaceText(stakeholderNoteText(doc, stakeholderId), value));
}

/** Removes the note about one stakeholder. */
export function removeStakeholderNote(doc: Y.Doc, stakeholderId: string): void {
  stakeholderNotesMap(doc).delete(stakeholderId);
}

/** Every stakeholder note as text, by stakeholder id. */
export function readStakeholderNotes(doc: Y.Doc): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, text] of stakeholderNotesMap(doc).entries()) {
    if (text instanceof Y.Text || typeof text === 'string') out[id] = text.toString();
  }
  return out;
}
