/** Objection categories (the objection handling guide, seed 003). */
export const OBJECTION_CATEGORIES = [
  'price',
  'risk',
  'timing',
  'status-quo',
  'capability',
  'politics',
  'other',
] as const;
/** An objection category. */
export type ObjectionCategory = (typeof OBJECTION_CATEGORIES)[number];
/** Human labels for {@link ObjectionCategory}. */
export const OBJECTION_CATEGORY_LABELS: Record<ObjectionCategory, string> = {
  price: 'Price',
  risk: 'Risk',
  timing: 'Timing',
  'status-quo': 'Status quo',
  capability: 'Capability',
  politics: 'Politics',
  other: 'Other',
};

/** Objection statuses, in the order an objection moves through them. */
export const OBJECTION_STATUSES = ['open', 'addressed', 'resolved'] as const;
/** An objection status. */
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
/** Human labels for {@link ObjectionStatus}. */
export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, string> = {
  open: 'Open',
  addressed: 'Addressed',
  resolved: 'Resolved',
};

/** Who owns the answer to an objection. */
export const OBJECTION_OWNERS = ['seller', 'buyer'] as const;
/** An objection owner. */
export type ObjectionOwner = (typeof OBJECTION_OWNERS)[number];

/** Criterion kinds: formal (written down, in the RFP) or informal (what people really weigh). */
export const CRITERION_KINDS = ['formal', 'informal'] as const;
/** A criterion kind. */
export type CriterionKind = (typeof CRITERION_KINDS)[number];
/** Scores run from 0 to 5. */
export const SCORE_MAX = 5;
/** Weights run from 0 to 100. */
export const WEIGHT_MAX = 100;
