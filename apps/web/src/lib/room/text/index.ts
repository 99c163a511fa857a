export { type BindTextOptions, bindText, type TextField } from './bind-text.ts';
export { type TextDelta, transformPosition } from './caret.ts';
export { type TextChange, textChange } from './text-change.ts';
