import type * as Y from 'yjs';
import { transformPosition } from './caret.ts';
import { type RefusedEdit, refuseOversizedEdit } from './edit-limit.ts';
import { textChange } from './text-change.ts';

/** A field that can show and edit a Y.Text as plain text. */
export type TextField = HTMLTextAreaElement | HTMLInputElement;

export interface BindTextOptions {
  /** Transaction origin for local edits, so the undo manager tracks them and the observer can skip them. */
  origin: unknown;
  /** Called after the field's value changed because of someone else's edit (e.g. to resize it). */
  onRemoteChange?: () => void;
  /**
   * Called when the field refused an input because it would add more than `MAX_EDIT_BYTES` in one edit
   * (a huge paste): the field is left as it was, and the caller says why.
   */
  onRefused?: (edit: RefusedEdit) => void;
  /** Called after an input was accepted (e.g. to clear a refusal message). */
  onAccepted?: () => void;
}

/**
 * Binds a Y.Text to a textarea or input, both ways.
 *
 * Local input becomes the smallest splice on the Y.Text (the caret disambiguates repeated characters);
 * remote edits rewrite the field's value and move the caret and selection through the edit's delta, so a
 * person keeps typing where they were while someone else types elsewhere in the same field. An input that
 * would add more than `MAX_EDIT_BYTES` is undone in the field and reported through `onRefused`: one edit is
 * one websocket frame, and the server refuses frames past its limit. Returns the function that unbinds it.
 */
export function bindText(
  field: TextField,
  text: Y.Text,
  { origin, onRemoteChange, onRefused, onAccepted }: BindTextOptions,
): () => void {
  let shown = text.toString();
  field.value = shown;

  const onInput = () => {
    const change = textChange(shown, field.value, field.selectionEnd ?? field.value.length);
    const refused = change && !field.readOnly ? refuseOversizedEdit(change.insert) : null;
    if (change && refused) {
      field.value = shown;
      field.setSelectionRange(change.index, change.index + change.remove);
      onRefused?.(refused);
      return;
    }
    shown = field.value;
    if (!change || field.readOnly) return;
    onAccepted?.();
    const doc = text.doc;
    const apply = () => {
      if (change.remove > 0) text.delete(change.index, change.remove);
      if (change.insert) text.insert(change.index, change.insert);
    };
    if (doc) doc.transact(apply, origin);
    else apply();
  };

  const onTextChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    const value = text.toString();
    if (transaction.origin === origin && value === field.value) {
      shown = value;
      return;
    }
    if (value === field.value) {
      shown = value;
      return;
    }
    const focused = field.ownerDocument.activeElement === field;
    const start = field.selectionStart;
    const end = field.selectionEnd;
    const direction = field.selectionDirection ?? undefined;
    field.value = value;
    shown = value;
    if (focused && start !== null && end !== null) {
      const from = transformPosition(start, event.delta);
      const to = transformPosition(end, event.delta, { moveOnInsert: end > start });
      field.setSelectionRange(from, Math.max(from, to), direction);
    }
    onRemoteChange?.();
  };

  field.addEventListener('input', onInput);
  text.observe(onTextChange);
  return () => {
    field.removeEventListener('input', onInput);
    text.unobserve(onTextChange);
  };
}
