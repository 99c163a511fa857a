import { describe, expect, it } from 'vitest';
import { type AccessFacts, dealRole, parseRoomName, type RoomKind, roomAccess, roomName } from './index.ts';

const ORG = 'org-a';
const OTHER = 'org-b';
const deal = { id: '0b9f5d1e-8a3c-4e6f-9d2a-1c3b5e7f9a0b', organizationId: ORG };

/** Every person of the threat model, as membership facts. */
const people: Record<string, AccessFacts> = {
  seller: { user: { id: 's', organizationId: ORG, orgRole: 'member' }, deal, membership: { role: 'seller' } },
  'manager who is also seller': {
    user: { id: 'ms', organizationId: ORG, orgRole: 'manager' },
    deal,
    membership: { role: 'seller' },
  },
  mobilizer: { user: { id: 'b', organizationId: null, orgRole: null }, deal, membership: { role: 'mobilizer' } },
  manager: { user: { id: 'm', organizationId: ORG, orgRole: 'manager' }, deal, membership: null },
  'member not on the deal': { user: { id: 'x', organizationId: ORG, orgRole: 'member' }, deal, membership: null },
  'manager of another organization': {
    user: { id: 'o', organizationId: OTHER, orgRole: 'manager' },
    deal,
    membership: null,
  },
  'member of another organization': {
    user: { id: 'p', organizationId: OTHER, orgRole: 'member' },
    deal,
    membership: null,
  },
  'buyer account not invited': { user: { id: 'q', organizationId: null, orgRole: null }, deal, membership: null },
  'seller row left over after moving to another organization': {
    user: { id: 'r', organizationId: OTHER, orgRole: 'member' },
    deal,
    membership: { role: 'seller' },
  },
};

const expected: Record<string, Record<RoomKind, string>> = {
  seller: { shared: 'write', seller: 'write', buyer: 'none' },
  'manager who is also seller': { shared: 'write', seller: 'write', buyer: 'none' },
  mobilizer: { shared: 'write', seller: 'none', buyer: 'write' },
  manager: { shared: 'read', seller: 'read', buyer: 'none' },
  'member not on the deal': { shared: 'none', seller: 'none', buyer: 'none' },
  'manager of another organization': { shared: 'none', seller: 'none', buyer: 'none' },
  'member of another organization': { shared: 'none', seller: 'none', buyer: 'none' },
  'buyer account not invited': { shared: 'none', seller: 'none', buyer: 'none' },
  'seller row left over after moving to another organization': { shared: 'none', seller: 'none', buyer: 'none' },
};

describe('roomAccess', () => {
  for (const [who, facts] of Object.entries(people)) {
    for (const kind of ['shared', 'seller', 'buyer'] as const) {
      it(`${who} × ${kind} room → ${expected[who]![kind]}`, () => {
        expect(roomAccess(facts, kind)).toBe(expected[who]![kind]);
      });
    }
  }

  it('reports the role the API shows', () => {
    expect(dealRole(people.seller!)).toBe('seller');
    expect(dealRole(people.mobilizer!)).toBe('mobilizer');
    expect(dealRole(people.manager!)).toBe('manager');
    expect(dealRole(people['member not on the deal']!)).toBeNull();
  });
});

describe('room names', () => {
  const id = deal.id;
  it('parses the three rooms of a deal', () => {
    expect(parseRoomName(id)).toEqual({ dealId: id, kind: 'shared' });
    expect(parseRoomName(`${id}/seller`)).toEqual({ dealId: id, kind: 'seller' });
    expect(parseRoomName(`${id}/buyer`)).toEqual({ dealId: id, kind: 'buyer' });
    for (const kind of ['shared', 'seller', 'buyer'] as const) {
      expect(parseRoomName(roomName(id, kind))).toEqual({ dealId: id, kind });
    }
  });

  it('rejects anything else', () => {
    for (const bad of ['', 'lobby', `${id}/notes`, `${id}/seller/x`, `${id}/`, id.toUpperCase(), `${id}x`, '../etc']) {
      expect(parseRoomName(bad)).toBeNull();
    }
  });
});
