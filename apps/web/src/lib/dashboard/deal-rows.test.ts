import { describe, expect, it } from 'vitest';
import { pipelineCounts, stageLabel, timeAgo, visibleRows } from './deal-rows.ts';
import { healthBand } from './health-band.ts';
import { sparklinePoints } from './sparkline.ts';
import type { DashboardStatus } from './types.ts';

const deals: DashboardStatus[] = [
  { id: 'a', title: 'Laptop refresh', buyer: 'Northwind', health: 31, stage: 'learn', openObjections: 2 },
  { id: 'b', title: 'Servers', buyer: 'Contoso', health: 82, stage: 'evaluate-options', openObjections: 0 },
  { id: 'c', title: 'Printers', buyer: 'Northwind', health: 55, stage: 'learn', openObjections: 5 },
  { id: 'd', title: 'Cloud', buyer: 'Fabrikam', health: 90, stage: 'closed' },
];
const all = { query: '', band: 'all', stage: 'all' };

describe('the deal table', () => {
  it('filters by the deal’s state: open by default on the dashboard, closed = won, lost and no decision', () => {
    const lives: DashboardStatus[] = [
      { id: 'o', title: 'Open one' },
      { id: 'w', title: 'Won one', state: 'won' },
      { id: 'n', title: 'Status quo', state: 'no-decision' },
      { id: 'l', title: 'Lost one', state: 'lost' },
      { id: 'x', title: 'Archived one', state: 'archived' },
      { id: 'p', title: 'Reopened', state: 'open' },
    ];
    const ids = (state: 'open' | 'closed' | 'archived' | 'all') =>
      visibleRows(lives, { ...all, state }, { key: 'title', direction: 'asc' }).map((d) => d.id);
    expect(ids('open')).toEqual(['o', 'p']);
    expect(ids('closed')).toEqual(['l', 'n', 'w']);
    expect(ids('archived')).toEqual(['x']);
    expect(ids('all')).toHaveLength(6);
  });

  it('sorts by health, worst first, and reverses', () => {
    expect(visibleRows(deals, all, { key: 'health', direction: 'asc' }).map((d) => d.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(visibleRows(deals, all, { key: 'health', direction: 'desc' }).map((d) => d.id)).toEqual([
      'd',
      'b',
      'c',
      'a',
    ]);
  });

  it('sorts stages in pipeline order, not alphabetically, with ties broken by title', () => {
    expect(visibleRows(deals, all, { key: 'stage', direction: 'asc' }).map((d) => d.id)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('puts deals without a figure last when sorting by it descending', () => {
    expect(visibleRows(deals, all, { key: 'openObjections', direction: 'desc' }).map((d) => d.id)).toEqual([
      'c',
      'a',
      'b',
      'd',
    ]);
  });

  it('sorts by how much of the buying group has been heard, deals not yet reporting it last', () => {
    const heard: DashboardStatus[] = [
      { id: 'a', title: 'A', heardFrom: 1, heardFromShare: 0.25 },
      { id: 'b', title: 'B', heardFrom: 3, heardFromShare: 0.5 },
      { id: 'c', title: 'C' },
    ];
    expect(visibleRows(heard, all, { key: 'heardFromShare', direction: 'desc' }).map((d) => d.id)).toEqual([
      'b',
      'a',
      'c',
    ]);
  });

  it('filters by text on title and buyer, by health band and by stage', () => {
    const sort = { key: 'title', direction: 'asc' } as const;
    expect(visibleRows(deals, { ...all, query: 'northwind' }, sort).map((d) => d.id)).toEqual(['a', 'c']);
    expect(visibleRows(deals, { ...all, band: 'critical' }, sort).map((d) => d.id)).toEqual(['a']);
    expect(visibleRows(deals, { ...all, stage: 'learn', band: 'at-risk' }, sort).map((d) => d.id)).toEqual(['c']);
  });

  it('counts deals by verified stage in pipeline order, empty stages included', () => {
    expect(pipelineCounts(deals).map((s) => [s.stage, s.count])).toEqual([
      ['learn', 2],
      ['understand-need', 0],
      ['define-criteria', 0],
      ['evaluate-options', 1],
      ['validate-select', 0],
      ['closed', 1],
    ]);
    expect(stageLabel('define-criteria')).toBe('Define purchase criteria');
    expect(stageLabel(undefined)).toBe('Not yet projected');
  });
});

describe('health bands', () => {
  it('are red below 40, amber to 69, green from 70, each with a label', () => {
    expect([39, 40, 69, 70].map((h) => healthBand(h).label)).toEqual(['Critical', 'At risk', 'At risk', 'Healthy']);
    expect(healthBand(undefined).label).toBe('Not scored');
  });
});

describe('the health sparkline', () => {
  it('maps 100 to the top and 0 to the bottom, evenly spaced', () => {
    const points = sparklinePoints(
      [
        { health: 100, at: '2026-01-01T00:00:00Z' },
        { health: 0, at: '2026-01-02T00:00:00Z' },
        { health: 50, at: '2026-01-03T00:00:00Z' },
      ],
      104,
      24,
      2,
    );
    expect(points).toBe('2.0,2.0 52.0,22.0 102.0,12.0');
  });

  it('draws a single point as a flat line and nothing for no points', () => {
    expect(sparklinePoints([{ health: 50, at: '2026-01-01T00:00:00Z' }], 100, 20, 0)).toBe('0.0,10.0 100.0,10.0');
    expect(sparklinePoints([], 100, 20)).toBe('');
  });
});

describe('last change', () => {
  it('reads as a relative time', () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    expect(timeAgo('2026-03-01T11:59:50Z', now)).toBe('just now');
    expect(timeAgo('2026-03-01T11:55:00Z', now)).toBe('5 min ago');
    expect(timeAgo('2026-03-01T09:00:00Z', now)).toBe('3 h ago');
    expect(timeAgo('2026-02-27T12:00:00Z', now)).toBe('2 d ago');
    expect(timeAgo(undefined, now)).toBe('—');
  });
});
