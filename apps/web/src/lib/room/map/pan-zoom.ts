/** The map's zoom and pan: a point on screen is `world × k + (x, y)`. */
export interface View {
  x: number;
  y: number;
  k: number;
}

/** A point in the chart's own (screen) coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** The chart's zoom limits: a whole large group at the smallest, one card's detail at the largest. */
export const MIN_ZOOM = 0.2;
export const MAX_ZOOM = 2.5;

/** How far (px) a finger or the mouse moves before a press on a card becomes a pan instead of a tap. */
export const TAP_SLOP = 8;

function clampZoom(k: number): number {
  return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, k));
}

/** Zooms by `factor` around `at`: the point under `at` stays where it is. */
export function zoomAround(view: View, factor: number, at: Point): View {
  const k = clampZoom(view.k * factor);
  const ratio = k / view.k;
  return { k, x: at.x - (at.x - view.x) * ratio, y: at.y - (at.y - view.y) * ratio };
}

/**
 * The view during a two-finger pinch: `start` was the view when the second finger landed, with the fingers at
 * `a0`, `b0`; they are now at `a`, `b`. The zoom follows the fingers' distance, and the point of the chart that
 * was between them stays between them (so one gesture pans and zooms at once).
 */
export function pinchView(start: View, a0: Point, b0: Point, a: Point, b: Point): View {
  const d0 = Math.hypot(b0.x - a0.x, b0.y - a0.y);
  const d = Math.hypot(b.x - a.x, b.y - a.y);
  const k = d0 > 0 ? clampZoom(start.k * (d / d0)) : start.k;
  const mid0 = { x: (a0.x + b0.x) / 2, y: (a0.y + b0.y) / 2 };
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const world = { x: (mid0.x - start.x) / start.k, y: (mid0.y - start.y) / start.k };
  return { k, x: mid.x - world.x * k, y: mid.y - world.y * k };
}
