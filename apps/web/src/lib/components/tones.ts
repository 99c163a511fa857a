/** The semantic colours of UI.md, as chip tones. */
export type ChipTone = 'mobilizer' | 'talker' | 'blocker' | 'unknown' | 'accent' | 'neutral';

/** A stakeholder profile (DESIGN.md §2, seed 003). */
export type Profile = 'go-getter' | 'teacher' | 'skeptic' | 'guide' | 'friend' | 'climber' | 'blocker' | 'unknown';

const groupOf: Record<Profile, { tone: ChipTone; group: string }> = {
  'go-getter': { tone: 'mobilizer', group: 'Mobilizer' },
  teacher: { tone: 'mobilizer', group: 'Mobilizer' },
  skeptic: { tone: 'mobilizer', group: 'Mobilizer' },
  guide: { tone: 'talker', group: 'Talker' },
  friend: { tone: 'talker', group: 'Talker' },
  climber: { tone: 'talker', group: 'Talker' },
  blocker: { tone: 'blocker', group: 'Blocker' },
  unknown: { tone: 'unknown', group: 'Not profiled' },
};

/**
 * The colour and group label of a profile: go-getter, teacher and skeptic are Mobilizers (green),
 * guide, friend and climber Talkers (amber), blocker red, anything else unknown grey.
 */
export function profileTone(profile: string | null | undefined): { tone: ChipTone; group: string } {
  return profile && Object.hasOwn(groupOf, profile) ? groupOf[profile as Profile] : groupOf.unknown;
}
