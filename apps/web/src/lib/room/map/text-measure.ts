/** The font of a piece of card text: size in px and weight (the family is the app's, `--font-sans`). */
export interface TextFont {
  size: number;
  weight: number;
}

/** Measures the rendered width of `text` in `font`, in px. */
export type Measure = (text: string, font: TextFont) => number;

/**
 * A conservative estimate for when no canvas is available: wider than the real glyphs of the system
 * fonts (DejaVu Sans, Segoe UI, SF), so a layout that fits by it fits on screen too.
 */
export const estimateText: Measure = (text, { size, weight }) => text.length * size * (weight >= 600 ? 0.66 : 0.6);

const cache = new Map<string, number>();
let context: CanvasRenderingContext2D | null | undefined;

/**
 * Measures with a canvas in the page's own font stack (read from `document.body`), so SVG cards can be
 * laid out before they are drawn, without a layout pass. Falls back to {@link estimateText} outside a browser.
 */
export const measureText: Measure = (text, font) => {
  if (context === undefined) context = createContext();
  if (!context) return estimateText(text, font);
  const key = `${font.weight} ${font.size}|${text}`;
  let width = cache.get(key);
  if (width === undefined) {
    context.font = `${font.weight} ${font.size}px ${fontFamily()}`;
    width = context.measureText(text).width;
    if (cache.size > 5000) cache.clear();
    cache.set(key, width);
  }
  return width;
};

function createContext(): CanvasRenderingContext2D | null {
  if (typeof document === 'undefined') return null;
  return document.createElement('canvas').getContext('2d');
}

let family: string | undefined;
function fontFamily(): string {
  family ??= getComputedStyle(document.body).fontFamily || 'sans-serif';
  return family;
}

/** `text`, cut with an ellipsis where needed so that it is at most `maxWidth` wide. */
export function fitText(text: string, maxWidth: number, font: TextFont, measure: Measure): string {
  if (measure(text, font) <= maxWidth) return text;
  let low = 0;
  let high = text.length;
  // The longest prefix that fits together with the ellipsis.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(`${text.slice(0, mid).trimEnd()}…`, font) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? '' : `${text.slice(0, low).trimEnd()}…`;
}
