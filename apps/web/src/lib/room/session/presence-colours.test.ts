import { describe, expect, it } from 'vitest';
import { assignPresenceColours, presenceColour } from './presence-colours.ts';

/** Two user ids whose preferred colours are the same (found by search, so the test does not depend on luck). */
function collidingPair(): [string, string] {
  const first = 'user-0';
  for (let i = 1; i < 1000; i++) {
    const other = `user-${i}`;
    if (presenceColour(other) === presenceColour(first)) return [first, other];
  }
  throw new Error('no colliding pair in 1000 ids');
}

describe('presence colours in a room', () => {
  it('gives two people whose preferred colours collide two different colours', () => {
    const [a, b] = collidingPair();
    const colours = assignPresenceColours([a, b]);
    expect(colours.get(a)).not.toBe(colours.get(b));
  });

  it('is the same for everyone in the room, whatever order they list the people in', () => {
    const ids = ['c', 'a', 'b', ...collidingPair()];
    const one = assignPresenceColours(ids);
    const other = assignPresenceColours([...ids].reverse());
    expect([...one.entries()].sort()).toEqual([...other.entries()].sort());
  });

  it('keeps a person’s own colour when nobody else has it, and eight people get eight colours', () => {
    expect(assignPresenceColours(['alone']).get('alone')).toBe(presenceColour('alone'));
    const eight = Array.from({ length: 8 }, (_, i) => `person-${i}`);
    expect(new Set(assignPresenceColours(eight).values()).size).toBe(8);
  });
});
