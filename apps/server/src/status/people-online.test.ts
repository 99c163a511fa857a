import { describe, expect, it } from 'vitest';
import { countPeople } from './people-online.ts';

describe('countPeople', () => {
  it('counts a person once however many tabs they have open', () => {
    const states = new Map<number, unknown>([
      [1, { user: { id: 'ada', name: 'Ada' }, editing: null }],
      [2, { user: { id: 'ada', name: 'Ada' }, editing: 'x:name' }],
      [3, { user: { id: 'grace', name: 'Grace' } }],
    ]);
    expect(countPeople(states)).toBe(2);
  });

  it('counts each client that names no user as one person, and nobody in an empty room', () => {
    expect(
      countPeople(
        new Map([
          [1, {}],
          [2, { user: { name: 'no id' } }],
          [3, { user: { id: 'ada' } }],
        ]),
      ),
    ).toBe(3);
    expect(countPeople(new Map())).toBe(0);
  });
});
