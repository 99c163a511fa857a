import { readWorkshops, seedSampleDeal } from '@quorum/deal-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agendaByPhase, progressLabel, weightToAgree } from './agenda.ts';

describe('agendaByPhase', () => {
  it('groups the sample workshop’s agenda into prompt, explore and converge, in order', () => {
    const doc = new Y.Doc();
    const ids = seedSampleDeal(doc);
    const [workshop] = readWorkshops(doc);
    const groups = agendaByPhase(workshop!.agenda);
    expect(groups.map((g) => g.phase)).toEqual(['prompt', 'explore', 'converge']);
    expect(groups.map((g) => g.label)).toEqual(['Prompt', 'Explore', 'Converge']);
    expect(groups.reduce((n, g) => n + g.items.length, 0)).toBe(workshop!.agenda.length);
    expect(groups[0]!.items).toHaveLength(1);
    // The widest disconnect is explored first and its weight agreed first.
    expect(groups[1]!.items[0]!.source).toBe(`criterion:${ids.productivity}`);
    expect(weightToAgree(groups[2]!.items[0]!)).toBe(ids.productivity);
    expect(weightToAgree(groups[1]!.items[0]!)).toBeNull();
    expect(weightToAgree(groups[2]!.items.at(-1)!)).toBeNull();
  });

  it('keeps every phase, empty ones too, and counts what was ticked', () => {
    const groups = agendaByPhase([{ id: 'a', text: 'x', phase: 'explore', source: 'custom', done: true, order: 1 }]);
    expect(groups.map((g) => [g.phase, g.items.length, g.done])).toEqual([
      ['prompt', 0, 0],
      ['explore', 1, 1],
      ['converge', 0, 0],
    ]);
    expect(progressLabel([])).toBe('No agenda yet');
    expect(progressLabel(groups.flatMap((g) => g.items))).toBe('1 of 1 ticked off');
  });
});
