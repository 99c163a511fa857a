/** A card's rectangle: centre x, top y, width, height (as the tree layout places it). */
export interface CardBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Card size by influence (1–5): more influence, a bigger card, so the powerful read first. The smallest card
 * still holds the longest profile chip beside the longest role chip (see `layoutCard`).
 */
export function cardSize(influence: number): { width: number; height: number } {
  const step = Math.max(1, Math.min(5, Math.round(influence))) - 1;
  return { width: 240 + step * 12, height: 80 + step * 4 };
}

/** Where the line from a card's centre towards `target` leaves the card's border. */
export function borderPoint(box: CardBox, target: { x: number; y: number }, margin = 4): { x: number; y: number } {
  const cx = box.x;
  const cy = box.y + box.height / 2;
  const dx = target.x - cx;
  const dy = target.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const halfW = box.width / 2 + margin;
  const halfH = box.height / 2 + margin;
  const scale = 1 / Math.max(Math.abs(dx) / halfW, Math.abs(dy) / halfH);
  return { x: cx + dx * scale, y: cy + dy * scale };
}

/** The centre of a card. */
export function centreOf(box: CardBox): { x: number; y: number } {
  return { x: box.x, y: box.y + box.height / 2 };
}

/**
 * A gently curved path between two cards for a relationship arrow, border to border. `bend` separates
 * the two directions of a pair (A→B and B→A curve to opposite sides) so they never lie on top of each other.
 */
export function relationshipPath(
  from: CardBox,
  to: CardBox,
  bend = 0.18,
): { d: string; mid: { x: number; y: number } } {
  const a = centreOf(from);
  const b = centreOf(to);
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const control = { x: mx - dy * bend, y: my + dx * bend };
  const start = borderPoint(from, control);
  const end = borderPoint(to, control, 8);
  const mid = {
    x: 0.25 * start.x + 0.5 * control.x + 0.25 * end.x,
    y: 0.25 * start.y + 0.5 * control.y + 0.25 * end.y,
  };
  return { d: `M${r(start.x)},${r(start.y)} Q${r(control.x)},${r(control.y)} ${r(end.x)},${r(end.y)}`, mid };
}

/** The elbow connector from a manager's card down to a report's card. */
export function reportingPath(manager: CardBox, report: CardBox, levelGap: number): string {
  const startY = manager.y + manager.height;
  const midY = report.y - Math.min(levelGap / 2, (report.y - startY) / 2);
  return `M${r(manager.x)},${r(startY)} V${r(midY)} H${r(report.x)} V${r(report.y)}`;
}

/** The arc of segment `index` of a ring split into `count` segments, with a small gap between them. */
export function ringSegment(
  cx: number,
  cy: number,
  radius: number,
  index: number,
  count: number,
  gapDegrees = 10,
): string {
  const span = 360 / count;
  const start = ((index * span + gapDegrees / 2 - 90) * Math.PI) / 180;
  const end = (((index + 1) * span - gapDegrees / 2 - 90) * Math.PI) / 180;
  const x1 = cx + radius * Math.cos(start);
  const y1 = cy + radius * Math.sin(start);
  const x2 = cx + radius * Math.cos(end);
  const y2 = cy + radius * Math.sin(end);
  return `M${r(x1)},${r(y1)} A${radius},${radius} 0 0 1 ${r(x2)},${r(y2)}`;
}

/**
 * A zoom and pan that shows `bounds` whole inside a `width` × `height` viewport, with padding, never above 1×.
 * `minScale` keeps the cards readable on a small screen: a chart too wide for it is shown at that scale,
 * centred, its top in view, and the rest a pan away (a phone shows people, not a thumbnail of them).
 */
export function fitView(
  bounds: { x: number; y: number; width: number; height: number },
  width: number,
  height: number,
  padding = 32,
  minScale = 0.2,
): { x: number; y: number; k: number } {
  if (bounds.width <= 0 || width <= 0 || height <= 0) return { x: padding, y: padding, k: 1 };
  const k = Math.min(1, (width - padding * 2) / bounds.width, (height - padding * 2) / bounds.height);
  const scale = Math.max(Math.min(1, minScale), k);
  return {
    x: (width - bounds.width * scale) / 2 - bounds.x * scale,
    y: Math.max(padding, (height - bounds.height * scale) / 2) - bounds.y * scale,
    k: scale,
  };
}

function r(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * The view moved just enough that a card (centre x, top y, size, in chart units) is wholly inside the
 * `width` × `height` viewport with `margin` to spare; the same view when it already is. A card larger than
 * the viewport is aligned to its top-left corner.
 */
export function panIntoView(
  view: { x: number; y: number; k: number },
  box: { x: number; y: number; width: number; height: number },
  width: number,
  height: number,
  margin = 24,
): { x: number; y: number; k: number } {
  const left = view.x + (box.x - box.width / 2) * view.k;
  const right = left + box.width * view.k;
  const top = view.y + box.y * view.k;
  const bottom = top + box.height * view.k;
  let dx = 0;
  let dy = 0;
  if (right > width - margin) dx = width - margin - right;
  if (left + dx < margin) dx = margin - left;
  if (bottom > height - margin) dy = height - margin - bottom;
  if (top + dy < margin) dy = margin - top;
  if (dx === 0 && dy === 0) return view;
  return { ...view, x: view.x + dx, y: view.y + dy };
}
