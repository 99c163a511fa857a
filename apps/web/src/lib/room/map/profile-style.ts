import {
  COMMITMENT_STAGE_LABELS,
  COMMITMENT_STAGES,
  type CommitmentStage,
  PROFILE_GROUP_LABELS,
  PROFILE_GROUPS,
  type ProfileGroup,
  STAKEHOLDER_PROFILE_INFO,
  STAKEHOLDER_ROLE_LABELS,
  STANCE_LABELS,
  type Stakeholder,
  type StakeholderProfile,
} from '@quorum/deal-model';

/** CSS custom properties (app.css) of each profile group: Mobilizer green, Talker amber, Blocker red, unknown grey. */
export const GROUP_COLOURS: Record<ProfileGroup, { fg: string; bg: string; border: string }> = {
  mobilizer: { fg: 'var(--mobilizer)', bg: 'var(--mobilizer-bg)', border: 'var(--mobilizer-border)' },
  talker: { fg: 'var(--talker)', bg: 'var(--talker-bg)', border: 'var(--talker-border)' },
  blocker: { fg: 'var(--blocker)', bg: 'var(--blocker-bg)', border: 'var(--blocker-border)' },
  unknown: { fg: 'var(--unknown)', bg: 'var(--unknown-bg)', border: 'var(--unknown-border)' },
};

/**
 * The profile chip's label: "Go-Getter · Mobilizer" in full (the group is what the method counts), the
 * profile alone when space is tight. A Blocker and an unprofiled person need no group word.
 */
export function profileChipLabels(profile: StakeholderProfile): { full: string; short: string } {
  const label = STAKEHOLDER_PROFILE_INFO[profile].label;
  const group = PROFILE_GROUPS[profile];
  if (group === 'blocker' || group === 'unknown') return { full: label, short: label };
  return { full: `${label} · ${PROFILE_GROUP_LABELS[group]}`, short: label };
}

/** "+2", "0", "−1": a signed stance with a real minus sign. */
export function signedStance(stance: number): string {
  if (stance > 0) return `+${stance}`;
  if (stance < 0) return `−${Math.abs(stance)}`;
  return '0';
}

/** 1–5: the step of the commitment process map a stakeholder is at. */
export function commitmentStep(commitment: CommitmentStage): number {
  return COMMITMENT_STAGES.indexOf(commitment) + 1;
}

/** The label of a stance value. */
export function stanceLabel(stance: number): string {
  return STANCE_LABELS[Math.max(-2, Math.min(2, Math.round(stance))) as -2 | -1 | 0 | 1 | 2];
}

/** One sentence a screen reader says for a card: everything the card shows in colour and shape. */
export function describeStakeholder(person: Stakeholder): string {
  const parts = [
    person.name || 'Unnamed stakeholder',
    person.title,
    person.role ? `role ${STAKEHOLDER_ROLE_LABELS[person.role]}` : '',
    person.profile === 'unknown'
      ? 'not yet known as Mobilizer, Talker or Blocker'
      : `${STAKEHOLDER_PROFILE_INFO[person.profile].label} (${PROFILE_GROUP_LABELS[person.group]})`,
    `influence ${person.influence} of 5`,
    `stance ${signedStance(person.stance)} ${stanceLabel(person.stance)}`,
    `commitment step ${commitmentStep(person.commitment)} of 5, ${COMMITMENT_STAGE_LABELS[person.commitment]}`,
  ];
  return parts.filter(Boolean).join(', ');
}
