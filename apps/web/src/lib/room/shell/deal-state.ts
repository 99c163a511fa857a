import type { DealState } from '$lib/api/index.ts';

/** How each state of a deal's life is named in the header and the menu. */
export const STATE_LABELS: Record<DealState, string> = {
  open: 'Open',
  won: 'Won',
  lost: 'Lost',
  'no-decision': 'No decision',
  archived: 'Archived',
};

/** Whether closing as `state` needs a reason (the server refuses without one). */
export function needsReason(state: DealState): boolean {
  return state === 'lost' || state === 'no-decision';
}

/** The menu's actions for a deal in `state`: close as won, lost or no decision, archive, or reopen. */
export function stateActions(state: DealState): Array<{ to: DealState; label: string }> {
  if (state !== 'open') return [{ to: 'open', label: 'Reopen deal' }];
  return [
    { to: 'won', label: 'Close as won…' },
    { to: 'lost', label: 'Close as lost…' },
    { to: 'no-decision', label: 'Close as no decision…' },
    { to: 'archived', label: 'Archive…' },
  ];
}
