/**
 * Buying-center roles (seed 002): who does what in the customer's purchase.
 */
export const STAKEHOLDER_ROLES = ['approver', 'decider', 'gatekeeper', 'influencer', 'buyer', 'user'] as const;
/** A buying-center role (seed 002). */
export type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];

/** Human labels for {@link StakeholderRole}. */
export const STAKEHOLDER_ROLE_LABELS: Record<StakeholderRole, string> = {
  approver: 'Approver',
  decider: 'Decider',
  gatekeeper: 'Gatekeeper',
  influencer: 'Influencer',
  buyer: 'Buyer',
  user: 'User',
};

/**
 * CEB's customer stakeholder profiles (seed 003), plus `unknown` for people not yet profiled.
 * Go-Getter, Teacher and Skeptic are Mobilizers; Guide, Friend and Climber are Talkers.
 */
export const STAKEHOLDER_PROFILES = [
  'go-getter',
  'teacher',
  'skeptic',
  'guide',
  'friend',
  'climber',
  'blocker',
  'unknown',
] as const;
/** A stakeholder profile (seed 003). */
export type StakeholderProfile = (typeof STAKEHOLDER_PROFILES)[number];

/** The group a profile belongs to: Mobilizers build consensus, Talkers talk, Blockers defend stability. */
export type ProfileGroup = 'mobilizer' | 'talker' | 'blocker' | 'unknown';

/** The group of each profile (seed 003). */
export const PROFILE_GROUPS: Record<StakeholderProfile, ProfileGroup> = {
  'go-getter': 'mobilizer',
  teacher: 'mobilizer',
  skeptic: 'mobilizer',
  guide: 'talker',
  friend: 'talker',
  climber: 'talker',
  blocker: 'blocker',
  unknown: 'unknown',
};

/** Returns the group (Mobilizer / Talker / Blocker / unknown) of a profile. */
export function profileGroup(profile: StakeholderProfile): ProfileGroup {
  return PROFILE_GROUPS[profile];
}

/** Human labels for the groups. */
export const PROFILE_GROUP_LABELS: Record<ProfileGroup, string> = {
  mobilizer: 'Mobilizer',
  talker: 'Talker',
  blocker: 'Blocker',
  unknown: 'Not profiled',
};

/** Label and seed 003's one-line description of each profile. */
export const STAKEHOLDER_PROFILE_INFO: Record<StakeholderProfile, { label: string; description: string }> = {
  'go-getter': {
    label: 'Go-Getter',
    description: "Champions others' good ideas. Always delivers more than asked. Learns from mistakes and moves on.",
  },
  teacher: {
    label: 'Teacher',
    description:
      'Often teaches new insights. Colleagues and senior executives seek their input. Good at convincing others.',
  },
  skeptic: {
    label: 'Skeptic',
    description:
      'Perceives unclear projects as risky. Prepares influential stakeholders for disruptive ideas. Believes changes require small wins first.',
  },
  guide: {
    label: 'Guide',
    description:
      'Provides information typically unavailable to vendors. Speaks the truth when sharing with vendors. Distributes information equally.',
  },
  friend: {
    label: 'Friend',
    description: 'Readily accessible and enjoys conversations with reps. Often networks reps with colleagues.',
  },
  climber: {
    label: 'Climber',
    description: 'Needs to personally gain from projects. Wants personal rewards for risks taken.',
  },
  blocker: {
    label: 'Blocker',
    description:
      'Believes stability is a goal in and of itself. Believes improvement projects are distracting. Rarely helps vendors.',
  },
  unknown: { label: 'Not profiled', description: 'Not yet profiled: test them with an insight and a task.' },
};

/** The stakeholder commitment process map (seed 003), in order. */
export const COMMITMENT_STAGES = [
  'unaware',
  'disconnect-conveyed',
  'urgency',
  'workshop-support',
  'committed',
] as const;
/** A step of the stakeholder commitment process map. */
export type CommitmentStage = (typeof COMMITMENT_STAGES)[number];

/** Human labels for {@link CommitmentStage}. */
export const COMMITMENT_STAGE_LABELS: Record<CommitmentStage, string> = {
  unaware: 'Unaware',
  'disconnect-conveyed': 'Disconnect conveyed',
  urgency: 'Urgency created',
  'workshop-support': 'Supports workshop',
  committed: 'Committed',
};

/** Stance runs from -2 (opposed) to +2 (champion). */
export const STANCE_MIN = -2;
/** Stance runs from -2 (opposed) to +2 (champion). */
export const STANCE_MAX = 2;
/** Human labels for each stance value. */
export const STANCE_LABELS: Record<-2 | -1 | 0 | 1 | 2, string> = {
  [-2]: 'Opposed',
  [-1]: 'Sceptical',
  0: 'Neutral',
  1: 'Supportive',
  2: 'Champion',
};
/** Influence runs from 1 (little) to 5 (decisive). */
export const INFLUENCE_MIN = 1;
/** Influence runs from 1 (little) to 5 (decisive). */
export const INFLUENCE_MAX = 5;

/** Relationship kinds between two stakeholders. */
export const RELATIONSHIP_KINDS = ['influences', 'allies', 'rivals'] as const;
/** A relationship kind. `influences` is directed (from → to); `allies` and `rivals` are mutual. */
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];
/** Human labels for {@link RelationshipKind}. */
export const RELATIONSHIP_KIND_LABELS: Record<RelationshipKind, string> = {
  influences: 'Influences',
  allies: 'Allies',
  rivals: 'Rivals',
};
