/** BANT (seed 002): budget, authority, need, timeline. */
export const BANT_KEYS = ['budget', 'authority', 'need', 'timeline'] as const;
/** A BANT element. */
export type BantKey = (typeof BANT_KEYS)[number];
/** How far a BANT element is established. */
export const BANT_STATES = ['unknown', 'partial', 'confirmed'] as const;
/** A BANT element's state. */
export type BantState = (typeof BANT_STATES)[number];
/** Label and question of each BANT element. */
export const BANT_INFO: Record<BantKey, { label: string; question: string }> = {
  budget: { label: 'Budget', question: 'Is there a budget for this purchase, and who owns it?' },
  authority: { label: 'Authority', question: 'Do we know who can decide and sign, and are they involved?' },
  need: { label: 'Need', question: 'Is there a real need the customer has acknowledged?' },
  timeline: { label: 'Timeline', question: 'Is there a date by which the customer must decide or act?' },
};

/** Seed 002's qualification questions, asked while tracking a prospect through qualification. */
export const QUALIFICATION_QUESTION_KEYS = ['potential', 'strategicFit', 'margin', 'followOn'] as const;
/** A qualification question. */
export type QualificationQuestionKey = (typeof QUALIFICATION_QUESTION_KEYS)[number];
/** An answer to a qualification question. */
export const QUALIFICATION_ANSWERS = ['yes', 'no', 'unsure'] as const;
/** An answer; null while not answered. */
export type QualificationAnswer = (typeof QUALIFICATION_ANSWERS)[number];
/** Label and seed 002's wording of each question. */
export const QUALIFICATION_QUESTION_INFO: Record<QualificationQuestionKey, { label: string; question: string }> = {
  potential: { label: 'Potential', question: 'Does the customer have potential beyond this lead?' },
  strategicFit: { label: 'Strategic fit', question: 'Is the lead aligned with our strategy and portfolio?' },
  margin: { label: 'Margin', question: 'Is the expected profitability (target price and margin) acceptable?' },
  followOn: {
    label: 'Follow-on business',
    question: 'Is there a chance of ongoing business, such as annuity services?',
  },
};

/** Sales management's decision after qualification (seed 002). */
export const GO_DECISIONS = ['go', 'no-go'] as const;
/** `go` or `no-go`. */
export type GoDecision = (typeof GO_DECISIONS)[number];
