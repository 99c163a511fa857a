import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedSampleDeal } from '../sample-deal/index.ts';
import { projectVoiceForm } from './voice-projection.ts';

describe('projectVoiceForm', () => {
  it('shows the person their own answer and the criteria, and nothing candid about anyone', () => {
    const shared = new Y.Doc();
    const seller = new Y.Doc();
    const ids = seedSampleDeal(shared, seller);
    const form = projectVoiceForm(shared, ids.cfo);
    expect(form?.stakeholder.title).toBe('Chief Financial Officer');
    expect(form?.criteria.map((c) => c.id)).toContain(ids.productivity);
    expect(form?.mine?.weights[ids.tco]).toBeTypeOf('number');
    const json = JSON.stringify(form);
    // No other person of the group appears at all: not their id, not their answer.
    for (const other of [ids.ceo, ids.mobilizer, ids.itBoard, ids.procurement, ids.users]) {
      expect(json).not.toContain(other);
    }
    for (const field of ['profile', 'stance', 'influence', 'commitment', 'weightsByStakeholder', 'scores', 'owner']) {
      expect(json).not.toContain(`"${field}"`);
    }
    expect(Object.keys(form ?? {})).toEqual(['stakeholder', 'criteria', 'asks', 'mine']);
    expect(Object.keys(form?.criteria[0] ?? {})).toEqual(['id', 'name', 'description', 'kind', 'mandatory']);
  });

  it('is null for someone no longer on the map, and has no answer before they gave one', () => {
    const shared = new Y.Doc();
    const ids = seedSampleDeal(shared);
    expect(projectVoiceForm(shared, crypto.randomUUID())).toBeNull();
    expect(projectVoiceForm(shared, ids.procurement)?.mine).toBeNull();
  });
});
