import { PLAN_STAGES, type PlanStage } from '@quorum/deal-model';
import { describe, expect, it } from 'vitest';
import { stageDaysOf } from './stage-days.ts';

function plan(doneAt: Array<Array<string | null>>): PlanStage[] {
  return PLAN_STAGES.map((stage, index) => {
    const times = doneAt[index] ?? [];
    return {
      id: stage.id,
      label: stage.label,
      question: '',
      verifiers: times.map((at, i) => ({
        id: `${index}-${i}`,
        text: '',
        done: at !== null,
        doneBy: null,
        doneAt: at,
        order: i,
      })),
      done: times.length > 0 && times.every((at) => at !== null),
    } as PlanStage;
  });
}

describe('stageDaysOf', () => {
  const created = new Date('2025-01-01T00:00:00Z');

  it('counts each verified stage from the end of the one before (the first from the deal’s creation)', () => {
    const days = stageDaysOf(
      plan([['2025-01-05T00:00:00Z', '2025-01-11T00:00:00Z'], ['2025-01-21T00:00:00Z']]),
      created,
    );
    expect(days).toEqual({ [PLAN_STAGES[0]!.id]: 10, [PLAN_STAGES[1]!.id]: 10 });
  });

  it('leaves out a stage not verified and the stage after it (its start is unknown)', () => {
    const days = stageDaysOf(
      plan([['2025-01-03T00:00:00Z', null], ['2025-01-21T00:00:00Z'], ['2025-01-22T00:00:00Z']]),
      created,
    );
    expect(days).toEqual({ [PLAN_STAGES[2]!.id]: 1 });
  });

  it('never reports a negative duration', () => {
    expect(stageDaysOf(plan([['2024-12-01T00:00:00Z']]), created)).toEqual({});
  });
});
