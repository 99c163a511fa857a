import { describe, expect, it } from 'vitest';
import { fieldRoomOf, mayAnnounce } from './presence-fields.ts';
import { fieldKey } from './presence-state.ts';

const person = '2b6c3f0e-7d1a-4c52-9a43-0f5e8d7c6b21';

describe('fieldRoomOf', () => {
  it('puts every private-document field the room edits in the private room', () => {
    for (const key of [
      fieldKey('private', 'notes'),
      fieldKey('insight', 'problem'),
      fieldKey('insight', 'missing'),
      fieldKey('insight', 'approach'),
      fieldKey(person, 'note'),
      fieldKey(person, 'specialConcern'),
    ])
      expect(fieldRoomOf(key), key).toBe('private');
  });

  it('puts the shared-document fields in the shared room', () => {
    for (const field of ['name', 'title', 'department', 'priorities', 'description', 'response', 'evidence', 'text'])
      expect(fieldRoomOf(fieldKey(person, field)), field).toBe('shared');
    for (const field of ['summary', 'keyMessages', 'asks'])
      expect(fieldRoomOf(fieldKey(`guide:${person}`, field)), field).toBe('shared');
  });

  it('never calls a private record shared, whatever its field is named', () => {
    expect(fieldRoomOf('insight:title')).toBe('private');
    expect(fieldRoomOf('private:name')).toBe('private');
  });

  it('knows nothing of malformed or unlisted keys', () => {
    for (const key of ['', 'notes', ':name', `${person}:`, `${person}:budget`, 'private'])
      expect(fieldRoomOf(key), key).toBeNull();
  });
});

describe('mayAnnounce', () => {
  it('lets a room carry only its own document’s fields', () => {
    expect(mayAnnounce('shared', fieldKey(person, 'name'))).toBe(true);
    expect(mayAnnounce('shared', fieldKey(person, 'specialConcern'))).toBe(false);
    expect(mayAnnounce('shared', 'private:notes')).toBe(false);
    expect(mayAnnounce('shared', `${person}:budget`)).toBe(false);
    expect(mayAnnounce('private', 'private:notes')).toBe(true);
    expect(mayAnnounce('private', fieldKey(person, 'name'))).toBe(false);
    expect(mayAnnounce('shared', null)).toBe(true);
  });
});
