import {
  type MobilizerTestAnswers,
  type ProfileSuggestion,
  STAKEHOLDER_PROFILE_INFO,
  type StakeholderProfile,
  type SuggestedProfileClass,
  suggestProfileClass,
} from '@quorum/deal-model';

/** The headline of a suggestion, in the seed's words. */
export const SUGGESTION_LABELS: Record<SuggestedProfileClass, string> = {
  mobilizer: 'Likely a Mobilizer',
  talker: 'Likely a Talker',
  'blocker-or-talker': 'Probably a Blocker, a Friend or a Guide',
  unknown: 'Not enough to go on yet',
};

/** What the test panel shows for one stakeholder: the suggestion and the profiles the seller may apply. */
export interface TestView {
  suggestion: ProfileSuggestion;
  headline: string;
  /** The suggestion's profiles, each with its label; `current` marks the one the map already shows. */
  choices: { profile: StakeholderProfile; label: string; current: boolean }[];
}

/**
 * Reads a stakeholder's answers into what the seller sees: never applied by itself; the seller applies one of
 * `choices` (or none), since neither title nor seniority predicts a Mobilizer.
 */
export function testView(answers: MobilizerTestAnswers | undefined, currentProfile: StakeholderProfile): TestView {
  const suggestion = suggestProfileClass(
    answers ?? { insightReaction: null, perspective: null, task: { text: '', delivered: null } },
  );
  const headline =
    suggestion.class === 'mobilizer' && suggestion.confidence === 'confirmed'
      ? 'A Mobilizer, confirmed by the test'
      : SUGGESTION_LABELS[suggestion.class];
  return {
    suggestion,
    headline,
    choices: suggestion.profiles.map((profile) => ({
      profile,
      label: STAKEHOLDER_PROFILE_INFO[profile].label,
      current: profile === currentProfile,
    })),
  };
}
