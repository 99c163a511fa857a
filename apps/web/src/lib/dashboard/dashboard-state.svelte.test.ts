import { describe, expect, it } from 'vitest';
import { DashboardState } from './dashboard-state.svelte.ts';

describe('DashboardState', () => {
  it('keeps the latest status of each deal and extends its trend only when the health changes', () => {
    const dashboard = new DashboardState();
    dashboard.apply({ id: 'a', title: 'A', health: 60, updatedAt: '2026-01-01T00:00:00Z' });
    dashboard.apply({ id: 'a', title: 'A', health: 60, updatedAt: '2026-01-01T00:01:00Z', online: 2 });
    dashboard.apply({ id: 'a', title: 'A', health: 30, updatedAt: '2026-01-01T00:02:00Z' });
    expect(dashboard.total).toBe(1);
    expect(dashboard.deals.get('a')?.health).toBe(30);
    expect(dashboard.history.get('a')?.map((p) => p.health)).toEqual([60, 30]);
  });

  it('derives the visible rows and the pipeline from the statuses, filter and sort', () => {
    const dashboard = new DashboardState();
    dashboard.apply({ id: 'a', title: 'Alpha', health: 80, stage: 'learn' });
    dashboard.apply({ id: 'b', title: 'Beta', health: 20, stage: 'closed' });
    expect(dashboard.rows.map((d) => d.id)).toEqual(['b', 'a']);
    dashboard.sortBy('health');
    expect(dashboard.rows.map((d) => d.id)).toEqual(['a', 'b']);
    dashboard.sortBy('title');
    expect(dashboard.sort).toEqual({ key: 'title', direction: 'asc' });
    dashboard.filter.query = 'bet';
    expect(dashboard.rows.map((d) => d.id)).toEqual(['b']);
    expect(dashboard.pipeline.find((s) => s.stage === 'closed')?.count).toBe(1);
  });

  it('expands and collapses a deal`s risks', () => {
    const dashboard = new DashboardState();
    dashboard.toggle('a');
    expect(dashboard.expanded.has('a')).toBe(true);
    dashboard.toggle('a');
    expect(dashboard.expanded.has('a')).toBe(false);
  });
});
