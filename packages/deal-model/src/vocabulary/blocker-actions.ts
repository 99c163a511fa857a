/**
 * What to do about a Blocker (seed 003's three questions): can others persuade them → social pressure;
 * are they reasonable → approach them directly; do they have a special concern → targeted concession.
 */
export const BLOCKER_ACTIONS = ['social-pressure', 'approach-directly', 'targeted-concession', 'none'] as const;
/** A Blocker plan action. `none` means no lever was found: the Blocker is not yet managed. */
export type BlockerAction = (typeof BLOCKER_ACTIONS)[number];

/** Label, and the seed 003 question that leads to each action. */
export const BLOCKER_ACTION_INFO: Record<BlockerAction, { label: string; question: string | null }> = {
  'social-pressure': {
    label: 'Apply social pressure',
    question: 'Can the Blocker be persuaded by other stakeholders?',
  },
  'approach-directly': { label: 'Approach them directly', question: 'Is the Blocker reasonable?' },
  'targeted-concession': {
    label: 'Make a targeted concession',
    question: 'Is there a special concern the Blocker has?',
  },
  none: { label: 'No lever found yet', question: null },
};

/** The answers to seed 003's three questions about a Blocker; `null` means not answered yet. */
export interface BlockerAnswers {
  persuadableByOthers: boolean | null;
  reasonable: boolean | null;
  specialConcern: string;
}

/**
 * Applies seed 003's three questions in order and returns the action of the first "yes"
 * (a non-empty special concern counts as "yes" to the third); `none` when all three are "no";
 * `null` while no question has a "yes" and some are unanswered.
 */
export function suggestBlockerAction({
  persuadableByOthers,
  reasonable,
  specialConcern,
}: BlockerAnswers): BlockerAction | null {
  if (persuadableByOthers === true) return 'social-pressure';
  if (reasonable === true) return 'approach-directly';
  if (specialConcern.trim()) return 'targeted-concession';
  if (persuadableByOthers === false && reasonable === false) return 'none';
  return null;
}
