import { describe, expect, it } from 'vitest';
import { borderPoint, cardSize, fitView, panIntoView } from './geometry.ts';

describe('map geometry', () => {
  it('makes more influential people bigger', () => {
    expect(cardSize(5).width).toBeGreaterThan(cardSize(3).width);
    expect(cardSize(3).height).toBeGreaterThan(cardSize(1).height);
  });

  it('starts an arrow on the card’s border, not inside it', () => {
    const box = { x: 100, y: 0, width: 100, height: 50 };
    expect(borderPoint(box, { x: 400, y: 25 }, 0)).toEqual({ x: 150, y: 25 });
    expect(borderPoint(box, { x: 100, y: -300 }, 0)).toEqual({ x: 100, y: 0 });
  });

  it('fits a wide chart into the viewport without enlarging a small one', () => {
    const wide = fitView({ x: 0, y: 0, width: 2000, height: 400 }, 1000, 600, 0);
    expect(wide.k).toBe(0.5);
    expect(wide.x).toBe(0);
    const small = fitView({ x: 0, y: 0, width: 200, height: 100 }, 1000, 600, 0);
    expect(small.k).toBe(1);
    expect(small.x).toBe(400);
  });

  it('keeps a wide chart readable on a phone: at the minimum scale, centred, its top in view', () => {
    const view = fitView({ x: -600, y: 0, width: 1200, height: 300 }, 360, 600, 16, 0.75);
    expect(view.k).toBe(0.75);
    // The chart's middle (x = 0) sits in the viewport's middle.
    expect(view.x + 0 * view.k).toBe(180);
    expect(view.y).toBeGreaterThanOrEqual(16);
    // A chart that fits at a larger scale is not enlarged past it.
    expect(fitView({ x: 0, y: 0, width: 200, height: 100 }, 360, 600, 16, 0.75).k).toBe(1);
  });
});

describe('panIntoView', () => {
  const view = { x: 0, y: 0, k: 1 };
  const card = (x: number, y: number) => ({ x, y, width: 200, height: 100 });

  it('leaves a card already in view where it is', () => {
    expect(panIntoView(view, card(300, 100), 800, 600)).toBe(view);
  });

  it('brings a card off the right edge (where the editor panel opens) back in, with a margin', () => {
    const moved = panIntoView(view, card(900, 100), 600, 600);
    // The card's right edge (1000) lands at 600 - 24.
    expect(moved).toEqual({ x: -424, y: 0, k: 1 });
  });

  it('brings a card below or left of the viewport back in, at the current zoom', () => {
    const zoomed = { x: 50, y: 20, k: 0.5 };
    const moved = panIntoView(zoomed, card(-400, 1500), 800, 600);
    const left = moved.x + (-400 - 100) * 0.5;
    const bottom = moved.y + (1500 + 100) * 0.5;
    expect(left).toBe(24);
    expect(bottom).toBe(576);
    expect(moved.k).toBe(0.5);
  });
});
