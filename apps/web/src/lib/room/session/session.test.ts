import { describe, expect, it } from 'vitest';
import { connectionOf, type ProviderState } from './connection-state.ts';
import { roomDealOf } from './room-deal.ts';
import { roomsFor } from './room-names.ts';

describe('roomsFor', () => {
  it('never gives a mobilizer the seller room, nor a seller the buyer room', () => {
    const mobilizer = roomsFor('d1', 'mobilizer');
    expect(mobilizer.shared).toBe('d1');
    expect(mobilizer.private).toEqual({ room: 'd1/buyer', side: 'buyer' });
    expect(roomsFor('d1', 'seller').private).toEqual({ room: 'd1/seller', side: 'seller' });
  });

  it('opens the seller side read-only for a manager', () => {
    expect(roomsFor('d1', 'manager')).toEqual({
      shared: 'd1',
      private: { room: 'd1/seller', side: 'seller' },
      readOnly: true,
    });
    expect(roomsFor('d1', 'seller').readOnly).toBe(false);
  });
});

describe('connectionOf', () => {
  const up: ProviderState = { status: 'connected', synced: true, lost: false, refusedWith: null };
  it('is synced only when every room is connected and synced', () => {
    expect(connectionOf([up, up]).kind).toBe('synced');
    expect(connectionOf([up, { ...up, synced: false }]).kind).toBe('syncing');
    expect(connectionOf([up, { ...up, status: 'connecting', synced: false }]).label).toBe('Syncing…');
  });

  it('stays offline through reconnect attempts until the room syncs again', () => {
    const retrying: ProviderState = { status: 'connecting', synced: false, lost: true, refusedWith: null };
    expect(connectionOf([up, retrying]).label).toBe('Offline — changes kept on this device');
    expect(connectionOf([up, up], { online: false }).kind).toBe('offline');
  });

  it('says why when the server refused the room', () => {
    const refused: ProviderState = { status: 'disconnected', synced: false, lost: true, refusedWith: 4403 };
    const connection = connectionOf([up, refused]);
    expect(connection.kind).toBe('refused');
    if (connection.kind === 'refused') expect(connection.detail).toMatch(/no longer have access/);
  });
});

describe('roomDealOf', () => {
  it('reads the nested and the flat answer of GET /api/deals/:id', () => {
    const expected = { id: 'd1', title: 'Laptops', buyer: 'Northwind', role: 'mobilizer' };
    expect(
      roomDealOf({ deal: { id: 'd1', title: 'Laptops', buyer: 'Northwind' }, role: 'mobilizer', status: null }),
    ).toEqual(expected);
    expect(roomDealOf({ id: 'd1', title: 'Laptops', buyer: 'Northwind', role: 'mobilizer', rooms: [] })).toEqual(
      expected,
    );
  });

  it('refuses an answer without a usable id or role', () => {
    expect(roomDealOf({ id: 'd1', role: 'owner' })).toBeNull();
    expect(roomDealOf(null)).toBeNull();
  });
});
