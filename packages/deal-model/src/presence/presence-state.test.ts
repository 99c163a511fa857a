import { describe, expect, it } from 'vitest';
import { sanitizePresence } from './presence-state.ts';

const seller = { userId: 'u-seller', name: 'Sam Seller', side: 'seller', room: 'shared' } as const;

describe('sanitizePresence', () => {
  it('keeps who the session says the person is, whatever the client claims', () => {
    const state = sanitizePresence(
      { user: { id: 'someone-else', name: 'The CEO', colour: '#2563eb', side: 'buyer' }, editing: 'abc:name' },
      seller,
    );
    expect(state).toEqual({
      user: { id: 'u-seller', name: 'Sam Seller', colour: '#2563eb', side: 'seller' },
      editing: 'abc:name',
    });
  });

  it('never lets a private field reach the shared room, but keeps it in the private one', () => {
    for (const key of ['private:notes', 'insight:problem', 'abc:specialConcern', 'abc:note', 'abc:unknownField']) {
      expect(sanitizePresence({ editing: key }, seller)?.editing).toBeNull();
    }
    expect(sanitizePresence({ editing: 'abc:specialConcern' }, { ...seller, room: 'private' })?.editing).toBe(
      'abc:specialConcern',
    );
    expect(sanitizePresence({ editing: 'abc:name' }, { ...seller, room: 'private' })?.editing).toBeNull();
  });

  it('drops every other key, odd colours and states that are not objects', () => {
    const state = sanitizePresence(
      { user: { colour: 'url(javascript:x)' }, secret: 'Blocker plan', editing: 7 },
      seller,
    );
    expect(state).toEqual({
      user: { id: 'u-seller', name: 'Sam Seller', colour: '#6b7280', side: 'seller' },
      editing: null,
    });
    expect(JSON.stringify(state)).not.toContain('Blocker');
    expect(sanitizePresence('x', seller)).toBeNull();
    expect(sanitizePresence([1], seller)).toBeNull();
  });

  it('keeps a caret (a base64 relative position) only with the field it is in, and nothing else as one', () => {
    expect(sanitizePresence({ editing: 'abc:priorities', caret: 'AZyrmwEFAA==' }, seller)?.caret).toBe('AZyrmwEFAA==');
    expect(sanitizePresence({ editing: null, caret: 'AZyrmwEFAA==' }, seller)).not.toHaveProperty('caret');
    // A private field's caret never reaches the shared room: the field itself is dropped, and the caret with it.
    expect(sanitizePresence({ editing: 'private:notes', caret: 'AZyrmwEFAA==' }, seller)).not.toHaveProperty('caret');
    for (const caret of ['<script>', 'x'.repeat(200), 42, { index: 3 }]) {
      expect(sanitizePresence({ editing: 'abc:priorities', caret }, seller)).not.toHaveProperty('caret');
    }
  });
});
