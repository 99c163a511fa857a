import { describe, expect, it } from 'vitest';
import { suggestBlockerAction } from './blocker-actions.ts';
import { PLAN_STAGE_IDS, PLAN_STAGES, SUGGESTED_VERIFIERS } from './plan-stages.ts';
import { COMMITMENT_STAGES, profileGroup, STAKEHOLDER_PROFILES } from './stakeholder-vocabulary.ts';

describe('vocabulary', () => {
  it('groups the profiles as seed 003 does', () => {
    const groups = Object.fromEntries(STAKEHOLDER_PROFILES.map((p) => [p, profileGroup(p)]));
    expect(groups).toEqual({
      'go-getter': 'mobilizer',
      teacher: 'mobilizer',
      skeptic: 'mobilizer',
      guide: 'talker',
      friend: 'talker',
      climber: 'talker',
      blocker: 'blocker',
      unknown: 'unknown',
    });
  });

  it('orders the commitment map and the plan stages', () => {
    expect(COMMITMENT_STAGES).toEqual(['unaware', 'disconnect-conveyed', 'urgency', 'workshop-support', 'committed']);
    expect(PLAN_STAGES.map((s) => s.id)).toEqual([...PLAN_STAGE_IDS]);
    for (const id of PLAN_STAGE_IDS) expect(SUGGESTED_VERIFIERS[id].length).toBeGreaterThan(0);
  });

  it('suggests a Blocker action from the first "yes"; null while undecided', () => {
    const ask = (p: boolean | null, r: boolean | null, c = '') =>
      suggestBlockerAction({ persuadableByOthers: p, reasonable: r, specialConcern: c });
    expect(ask(true, null)).toBe('social-pressure');
    expect(ask(false, true)).toBe('approach-directly');
    expect(ask(null, true)).toBe('approach-directly');
    expect(ask(false, false, 'audit')).toBe('targeted-concession');
    expect(ask(false, false)).toBe('none');
    expect(ask(false, null)).toBeNull();
    expect(ask(null, null, '  ')).toBeNull();
  });
});
