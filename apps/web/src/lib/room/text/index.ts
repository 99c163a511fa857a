export { type BindTextOptions, bindText, type TextField } from './bind-text.ts';
export { type TextDelta, transformPosition } from './caret.ts';
export {
  formatBytes,
  MAX_EDIT_BYTES,
  type RefusedEdit,
  refusedEditMessage,
  refuseOversizedEdit,
  utf8Bytes,
} from './edit-limit.ts';
export { type TextChange, textChange } from './text-change.ts';
