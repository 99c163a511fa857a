/** Seed 003's five stages of commercial coaching (coaching the Mobilizer how to buy), in order. */
export const COACHING_STAGE_IDS = [
  'plan-consensus',
  'true-problem',
  'concerns-surfaced',
  'negotiables-blockers',
  'commitment',
] as const;
/** A commercial coaching stage. */
export type CoachingStageId = (typeof COACHING_STAGE_IDS)[number];
/** The Mobilizer types coaching is tailored to; `general` when the Mobilizer's type is not known. */
export type CoachingTailoring = 'go-getter' | 'teacher' | 'skeptic' | 'general';

/** Label and what the stage achieves, in seed 003's words. */
export const COACHING_STAGE_INFO: Record<CoachingStageId, { label: string; description: string }> = {
  'plan-consensus': {
    label: 'A plan for building consensus',
    description:
      'Help the Mobilizer construct a plan for building consensus, mindful of their strengths and weaknesses.',
  },
  'true-problem': {
    label: 'The true problem and the cost of inaction',
    description:
      'The organization understands its true problem and the best course of action; the Mobilizer knows what inaction costs.',
  },
  'concerns-surfaced': {
    label: 'Remaining concerns surfaced',
    description:
      'Surface and address remaining stakeholder concerns, objections and disconnects; Blockers often act at this point.',
  },
  'negotiables-blockers': {
    label: 'Negotiable points agreed, Blockers neutralized',
    description:
      'The group makes its trade-offs with negotiable points, agrees on B (the new desired state), and Blockers are neutralized.',
  },
  commitment: {
    label: 'Commitment secured',
    description:
      'Commitment of resources and support for implementation, and broad agreement that the solution best supports the business.',
  },
};

/** Seed 003's checklist for each stage, whatever the Mobilizer's type. */
export const COACHING_CHECKLIST: Record<CoachingStageId, readonly string[]> = {
  'plan-consensus': [
    'List with the Mobilizer everyone who must support the decision',
    'Agree the steps to bring them together (stakeholder guides, a workshop)',
    'Name the Mobilizer’s strengths, and where their strength could put others off',
  ],
  'true-problem': [
    'The Mobilizer can tell our commercial insight in their own words',
    'The Mobilizer can state what inaction costs their organization',
    'The group agrees on its true problem and the best course of action',
  ],
  'concerns-surfaced': [
    'Every stakeholder’s remaining concern is written down as an objection',
    'Disconnects between stakeholders are surfaced from their own answers',
    'Any Blocker’s concern is known, and how they try to stop the purchase',
  ],
  'negotiables-blockers': [
    'Negotiable points proposed for the remaining concerns, without touching what differentiates the solution',
    'The group agreed on B: the new desired state',
    'Every Blocker is neutralized',
  ],
  commitment: [
    'People, budget and time are committed to the implementation',
    'The group agrees this solution is best positioned to support their business',
  ],
};

/**
 * The item each stage adds for the Mobilizer's type (seed 003): a Go-Getter wants the implementation details,
 * a Teacher the grand, sweeping vision, a Skeptic room for questions and exploration (and small wins first).
 */
export const COACHING_TAILORED_ITEMS: Record<Exclude<CoachingTailoring, 'general'>, Record<CoachingStageId, string>> = {
  'go-getter': {
    'plan-consensus': 'Walk the Go-Getter through the implementation details: who does what, when, with what',
    'true-problem': 'Turn the cost of inaction into an implementation timeline the Go-Getter can drive',
    'concerns-surfaced': 'Ask the Go-Getter to hear concerns out before pressing ahead',
    'negotiables-blockers': 'Frame the trade-offs as implementation options: phasing, scope, timing',
    commitment: 'An implementation start date and owner are agreed',
  },
  teacher: {
    'plan-consensus': 'Build the plan around a grand, sweeping vision the Teacher can teach to colleagues',
    'true-problem': 'The Teacher presents the insight to colleagues and senior executives',
    'concerns-surfaced': 'Keep the Teacher’s vision from talking over other people’s concerns',
    'negotiables-blockers': 'Tie every trade-off back to the shared vision',
    commitment: 'Senior executives endorse the vision',
  },
  skeptic: {
    'plan-consensus': 'Leave room for the Skeptic’s questions and exploration; plan small wins first',
    'true-problem': 'Give the Skeptic the evidence behind the insight and let them test it',
    'concerns-surfaced': 'Let the Skeptic probe for overlooked interdependencies',
    'negotiables-blockers': 'Concede first what lowers the perceived risk',
    commitment: 'A first small win is scheduled',
  },
};

/** The suggested checklist of a stage for a Mobilizer of the given type: seed 003's items, then the tailored one. */
export function suggestedCoachingChecklist(stageId: CoachingStageId, tailoring: CoachingTailoring): string[] {
  const base = [...COACHING_CHECKLIST[stageId]];
  return tailoring === 'general' ? base : [...base, COACHING_TAILORED_ITEMS[tailoring][stageId]];
}

/** Returns true when `value` is a coaching stage id. */
export function isCoachingStageId(value: unknown): value is CoachingStageId {
  return typeof value === 'string' && (COACHING_STAGE_IDS as readonly string[]).includes(value);
}
