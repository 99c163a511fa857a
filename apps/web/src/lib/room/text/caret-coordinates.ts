import type { TextField } from './bind-text.ts';

/** Styles that decide where text wraps and how tall a line is: copied to the measuring mirror. */
const MIRRORED = [
  'boxSizing',
  'width',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'fontStyle',
  'fontVariant',
  'fontWeight',
  'fontStretch',
  'fontSize',
  'lineHeight',
  'fontFamily',
  'textAlign',
  'textTransform',
  'textIndent',
  'letterSpacing',
  'wordSpacing',
  'tabSize',
] as const;

/** Where a caret at `index` sits, relative to the field's border box, scrolled as the field is scrolled. */
export interface CaretPoint {
  top: number;
  left: number;
  height: number;
  /** False when the point is scrolled out of the field's visible box. */
  visible: boolean;
}

/**
 * Measures where the character at `index` of a textarea or input is drawn, with a hidden copy of the field
 * (same font, padding, width and wrapping) laid out off screen.
 */
export function caretCoordinates(field: TextField, index: number): CaretPoint {
  const doc = field.ownerDocument;
  const style = doc.defaultView!.getComputedStyle(field);
  const multiline = field instanceof HTMLTextAreaElement;
  const mirror = doc.createElement('div');
  for (const property of MIRRORED) mirror.style[property] = style[property];
  Object.assign(mirror.style, {
    position: 'absolute',
    visibility: 'hidden',
    top: '0',
    left: '-9999px',
    overflow: 'hidden',
    whiteSpace: multiline ? 'pre-wrap' : 'pre',
    overflowWrap: multiline ? 'break-word' : 'normal',
    height: 'auto',
  });
  if (!multiline) mirror.style.width = 'auto';
  mirror.textContent = field.value.slice(0, index);
  const marker = doc.createElement('span');
  marker.textContent = field.value.slice(index) || '.';
  mirror.appendChild(marker);
  doc.body.appendChild(mirror);
  const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.3;
  const top = marker.offsetTop - field.scrollTop;
  const left = marker.offsetLeft - field.scrollLeft;
  mirror.remove();
  const visible = top >= 0 && top + lineHeight <= field.clientHeight + 1 && left >= 0 && left <= field.clientWidth;
  return { top, left, height: lineHeight, visible };
}
