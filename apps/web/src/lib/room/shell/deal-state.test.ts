import { describe, expect, it } from 'vitest';
import { needsReason, stateActions } from './deal-state.ts';

describe('the deal menu’s state actions', () => {
  it('offers to close as won, lost or no decision, or archive an open deal; reopen anything else', () => {
    expect(stateActions('open').map((a) => a.to)).toEqual(['won', 'lost', 'no-decision', 'archived']);
    for (const state of ['won', 'lost', 'no-decision', 'archived'] as const) {
      expect(stateActions(state)).toEqual([{ to: 'open', label: 'Reopen deal' }]);
    }
  });

  it('asks for a reason when the deal was lost or ended without a decision', () => {
    expect(needsReason('lost')).toBe(true);
    expect(needsReason('no-decision')).toBe(true);
    expect(needsReason('won')).toBe(false);
    expect(needsReason('archived')).toBe(false);
  });
});
