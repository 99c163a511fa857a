import { describe, expect, it } from 'vitest';
import {
  backOffDelay,
  closeHandlingOf,
  connectionOf,
  initialProviderState,
  type ProviderState,
} from './connection-state.ts';
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
  const up: ProviderState = { ...initialProviderState, status: 'connected', synced: true };
  it('is synced only when every room is connected and synced', () => {
    expect(connectionOf([up, up]).kind).toBe('synced');
    expect(connectionOf([up, { ...up, synced: false }]).kind).toBe('syncing');
    expect(connectionOf([up, { ...up, status: 'connecting', synced: false }]).label).toBe('Syncing…');
  });

  it('stays offline through reconnect attempts until the room syncs again', () => {
    const retrying: ProviderState = { ...initialProviderState, lost: true };
    expect(connectionOf([up, retrying]).label).toBe('Offline — changes kept on this device');
    expect(connectionOf([up, up], { online: false }).kind).toBe('offline');
  });

  it('says why when the server refused the room', () => {
    const refused: ProviderState = { ...initialProviderState, status: 'disconnected', lost: true, refusedWith: 4403 };
    const connection = connectionOf([up, refused]);
    expect(connection.kind).toBe('refused');
    if (connection.kind === 'refused') expect(connection.detail).toMatch(/no longer have access/);
  });
});

describe('closeHandlingOf', () => {
  it('stops for good when the session ended, access was withdrawn or the room is gone', () => {
    for (const code of [4401, 4403, 4404, 4400, 4499]) expect(closeHandlingOf(code), String(code)).toBe('refused');
  });

  it('pauses, instead of sending the same bytes again, on a frame or a document too large and on too many connections', () => {
    for (const code of [1009, 4413, 4429]) expect(closeHandlingOf(code), String(code)).toBe('paused');
  });

  it('backs off when the server says try again later, and reconnects at once after a plain drop', () => {
    expect(closeHandlingOf(1013)).toBe('back-off');
    for (const code of [1000, 1001, 1006, 1011, 1012]) expect(closeHandlingOf(code), String(code)).toBe('reconnect');
  });

  it('waits longer after each 1013 in a row, up to 30 seconds', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((attempt) => backOffDelay(attempt, 1))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
    expect(backOffDelay(0, 0)).toBe(500);
  });
});

describe('connectionOf after a close', () => {
  const up: ProviderState = { ...initialProviderState, status: 'connected', synced: true };
  const stopped = (code: number): ProviderState => ({
    ...initialProviderState,
    status: 'disconnected',
    lost: true,
    refusedWith: code,
  });

  it('shows an oversized edit as paused, not offline, and says the text is kept and what to do', () => {
    const connection = connectionOf([up, stopped(1009)]);
    expect(connection.kind).toBe('paused');
    if (connection.kind !== 'paused') return;
    expect(connection.label).not.toMatch(/offline/i);
    expect(connection.detail).toMatch(/kept on this device/);
    expect(connection.detail).toMatch(/Remove the large text, then choose Try again/);
  });

  it('explains a full room and too many tabs in their own words', () => {
    const full = connectionOf([stopped(4413), up]);
    expect(full.kind === 'paused' && full.detail).toMatch(/size limit/);
    const tabs = connectionOf([up, stopped(4429)]);
    expect(tabs.kind === 'paused' && tabs.label).toMatch(/too many open tabs/);
  });

  it('lets a refusal for good win over a pause', () => {
    expect(connectionOf([stopped(1009), stopped(4401)]).kind).toBe('refused');
  });

  it('says Reconnecting… while the server asked to wait, and Offline when the device is', () => {
    const waiting: ProviderState = { ...initialProviderState, status: 'disconnected', lost: true, backingOff: true };
    expect(connectionOf([up, waiting]).label).toBe('Reconnecting…');
    expect(connectionOf([up, waiting], { online: false }).kind).toBe('offline');
  });
});

describe('roomDealOf', () => {
  it('reads the nested and the flat answer of GET /api/deals/:id', () => {
    const expected = {
      id: 'd1',
      title: 'Laptops',
      buyer: 'Northwind',
      role: 'mobilizer',
      state: 'open',
      stateReason: null,
    };
    expect(
      roomDealOf({ deal: { id: 'd1', title: 'Laptops', buyer: 'Northwind' }, role: 'mobilizer', status: null }),
    ).toEqual(expected);
    expect(roomDealOf({ id: 'd1', title: 'Laptops', buyer: 'Northwind', role: 'mobilizer', rooms: [] })).toEqual(
      expected,
    );
  });

  it('reads the deal’s state and reason (open when the answer has none or an unknown one)', () => {
    const closed = { id: 'd1', title: 'T', buyer: 'B', state: 'no-decision', stateReason: 'Status quo' };
    expect(roomDealOf({ deal: closed, role: 'seller' })).toMatchObject({
      state: 'no-decision',
      stateReason: 'Status quo',
    });
    expect(roomDealOf({ deal: { ...closed, state: 'sold' }, role: 'seller' })?.state).toBe('open');
  });

  it('refuses an answer without a usable id or role', () => {
    expect(roomDealOf({ id: 'd1', role: 'owner' })).toBeNull();
    expect(roomDealOf(null)).toBeNull();
  });
});
