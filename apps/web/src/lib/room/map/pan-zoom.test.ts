import { describe, expect, it } from 'vitest';
import { MAX_ZOOM, pinchView, zoomAround } from './pan-zoom.ts';

describe('map pan and zoom', () => {
  it('zooms around a point, which stays under it', () => {
    const view = zoomAround({ x: 10, y: 20, k: 1 }, 2, { x: 110, y: 70 });
    expect(view).toEqual({ k: 2, x: -90, y: -30 });
    // The chart point that was at (110, 70) is there still: (110 - 10) / 1 = 100 → 100 × 2 − 90 = 110.
    expect(100 * view.k + view.x).toBe(110);
  });

  it('never zooms past its limits', () => {
    expect(zoomAround({ x: 0, y: 0, k: 2 }, 10, { x: 0, y: 0 }).k).toBe(MAX_ZOOM);
  });

  it('follows a pinch: spreading the fingers zooms in around them, moving them together pans', () => {
    const start = { x: 0, y: 0, k: 1 };
    const spread = pinchView(start, { x: 100, y: 100 }, { x: 200, y: 100 }, { x: 50, y: 100 }, { x: 250, y: 100 });
    expect(spread.k).toBe(2);
    // The point between the fingers (150, 100) stays there.
    expect(150 * spread.k + spread.x).toBe(150);
    expect(100 * spread.k + spread.y).toBe(100);
    const moved = pinchView(start, { x: 100, y: 100 }, { x: 200, y: 100 }, { x: 130, y: 140 }, { x: 230, y: 140 });
    expect(moved).toEqual({ k: 1, x: 30, y: 40 });
  });
});
