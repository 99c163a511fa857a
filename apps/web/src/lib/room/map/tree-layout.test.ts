import { describe, expect, it } from 'vitest';
import { type LayoutNode, layoutTree } from './tree-layout.ts';

const card = (id: string, parent: string | null, width = 100): LayoutNode => ({ id, parent, width, height: 60 });

describe('layoutTree', () => {
  it('puts reports below their manager, centred under them, in the given order', () => {
    const { placements } = layoutTree([card('ceo', null), card('cfo', 'ceo'), card('cio', 'ceo')], { siblingGap: 20 });
    const ceo = placements.get('ceo')!;
    const cfo = placements.get('cfo')!;
    const cio = placements.get('cio')!;
    expect(cfo.y).toBeGreaterThan(ceo.y + ceo.height);
    expect(cfo.y).toBe(cio.y);
    expect(cfo.x).toBeLessThan(cio.x);
    expect(cio.x - cfo.x).toBe(120);
    expect(ceo.x).toBe((cfo.x + cio.x) / 2);
  });

  it('never overlaps cards, across subtrees and separate trees', () => {
    const nodes = [
      card('a', null),
      card('b', 'a'),
      card('c', 'a'),
      card('d', 'b'),
      card('e', 'b'),
      card('f', 'c', 300),
      card('loner', null),
    ];
    const { placements } = layoutTree(nodes);
    const list = [...placements.values()];
    for (const p of list) {
      for (const q of list) {
        if (p === q || p.depth !== q.depth) continue;
        const apart = Math.abs(p.x - q.x) >= (p.width + q.width) / 2;
        expect(apart, `${p.id} and ${q.id} overlap`).toBe(true);
      }
    }
  });

  it('lays out a reporting loop and an unknown manager instead of losing people', () => {
    const { placements } = layoutTree([card('a', 'b'), card('b', 'a'), card('c', 'gone')]);
    expect(placements.size).toBe(3);
    expect(placements.get('a')!.depth + placements.get('b')!.depth).toBe(1);
    expect(placements.get('c')!.depth).toBe(0);
  });
});
