/** Seed 003's five-stage customer purchase process, in order. */
export const PLAN_STAGE_IDS = [
  'learn',
  'understand-need',
  'define-criteria',
  'evaluate-options',
  'validate-select',
] as const;
/** A purchase plan stage id. */
export type PlanStageId = (typeof PLAN_STAGE_IDS)[number];
/** A deal's verified stage: a plan stage, or `closed` once every stage is verified. */
export type DealStage = PlanStageId | 'closed';

/** A plan stage with its label and seed 003's guiding question. */
export interface PlanStageInfo {
  id: PlanStageId;
  label: string;
  /** The question seed 003 asks for this stage; its verifiers answer it with customer actions. */
  question: string;
}

/** The five stages with labels and seed 003's questions, in order. */
export const PLAN_STAGES: readonly PlanStageInfo[] = [
  {
    id: 'learn',
    label: 'Learn',
    question: 'What need should this customer be learning about? What should be keeping this customer up at night?',
  },
  { id: 'understand-need', label: 'Understand need', question: 'How should the customer respond to this need?' },
  {
    id: 'define-criteria',
    label: 'Define purchase criteria',
    question: 'How should the customer define the purchase criteria?',
  },
  {
    id: 'evaluate-options',
    label: 'Evaluate options',
    question: 'How should the customer evaluate and reach consensus?',
  },
  { id: 'validate-select', label: 'Validate and select', question: 'How should the customer reach a final decision?' },
];

/** Human labels of every {@link DealStage}. */
export const DEAL_STAGE_LABELS: Record<DealStage, string> = {
  learn: 'Learn',
  'understand-need': 'Understand need',
  'define-criteria': 'Define purchase criteria',
  'evaluate-options': 'Evaluate options',
  'validate-select': 'Validate and select',
  closed: 'Closed',
};

/**
 * Suggested customer verifiers for a new deal, per stage: things the customer did, drawn from seed 003's
 * question for that stage. Either side may edit them.
 */
export const SUGGESTED_VERIFIERS: Record<PlanStageId, readonly string[]> = {
  learn: [
    'The customer described, in their own words, the problem that keeps them up at night',
    'The customer shared figures on what the status quo costs them today',
    'A stakeholder asked to learn more and passed our insight on to colleagues',
  ],
  'understand-need': [
    'The customer quantified the cost of doing nothing',
    'The buying group agreed the problem is worth solving now',
    'The Mobilizer named everyone who must be involved in the decision',
  ],
  'define-criteria': [
    'The buying group wrote down its purchase criteria and their weights',
    'Each stakeholder stated how much each criterion matters to them',
    'The group agreed which criteria are mandatory',
  ],
  'evaluate-options': [
    'The customer scored every option, including doing nothing',
    'The stakeholders met in a workshop to work through their disconnects',
    'The group accepted the answers to its open objections',
  ],
  'validate-select': [
    'The approver confirmed the budget and the sign-off path',
    'The stakeholders committed people and time to the implementation',
    'The customer chose a supplier in writing',
  ],
};

/** Returns true when `value` is a plan stage id. */
export function isPlanStageId(value: unknown): value is PlanStageId {
  return typeof value === 'string' && (PLAN_STAGE_IDS as readonly string[]).includes(value);
}
