import type { StakeholderProfile } from '../vocabulary/index.ts';

/** Seed 003's first tell: how they reacted to a thought-provoking insight. */
export const INSIGHT_REACTIONS = ['engaged', 'not-engaged'] as const;
/** A reaction to the insight. */
export type InsightReaction = (typeof INSIGHT_REACTIONS)[number];
/** Seed 003's second tell: whether they talk about needs from the group's perspective or their own. */
export const PERSPECTIVES = ['group', 'own'] as const;
/** The perspective they talk from. */
export type Perspective = (typeof PERSPECTIVES)[number];
/** Seed 003's third tell: whether they delivered the task they were given. */
export const TASK_OUTCOMES = ['yes', 'no'] as const;
/** Whether the task was delivered. */
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/** The answers of a Mobilizer identification test; `null` means not observed yet. */
export interface MobilizerTestAnswers {
  insightReaction: InsightReaction | null;
  perspective: Perspective | null;
  task: { text: string; delivered: TaskOutcome | null };
}

/** The class a test points to. `blocker-or-talker`: not engaged by the insight (a Blocker, a Friend or a Guide). */
export type SuggestedProfileClass = 'mobilizer' | 'talker' | 'blocker-or-talker' | 'unknown';

/** What a test suggests; shown with its reasoning, never written to the stakeholder's profile. */
export interface ProfileSuggestion {
  class: SuggestedProfileClass;
  /** The profiles the tells leave open, for the seller to choose from. */
  profiles: StakeholderProfile[];
  /** `confirmed` only for a Mobilizer who delivered the task they were given. */
  confidence: 'tentative' | 'confirmed';
  /** One sentence per tell read, then what to do next. */
  reasoning: string[];
}

const MOBILIZERS: StakeholderProfile[] = ['go-getter', 'teacher', 'skeptic'];

/**
 * Reads seed 003's three tells in order. Not engaged by a thought-provoking insight → "probably a Blocker,
 * a Friend or a Guide"; talks about needs from their own perspective → likely a Climber; from the group's →
 * likely a Mobilizer; and "only once we test the willingness and ability … to actually mobilize, we can be
 * certain": a Mobilizer is `confirmed` only when engaged, speaking for the group and the task was delivered.
 * A task not delivered leaves a Talker. Pure; the seller chooses the profile ("neither title nor seniority
 * is statistically predictive of Mobilizer tendencies").
 */
export function suggestProfileClass({ insightReaction, perspective, task }: MobilizerTestAnswers): ProfileSuggestion {
  const reasoning: string[] = [];
  if (insightReaction === 'not-engaged') {
    reasoning.push('Did not engage with a thought-provoking insight: probably a Blocker, a Friend or a Guide.');
    if (perspective === 'own') reasoning.push('Talks about needs from their own perspective, not the group’s.');
    return { class: 'blocker-or-talker', profiles: ['blocker', 'friend', 'guide'], confidence: 'tentative', reasoning };
  }
  if (insightReaction === 'engaged') reasoning.push('Engaged with a thought-provoking insight.');
  if (perspective === 'own') {
    reasoning.push('Talks about needs and challenges from their own perspective: likely a Climber.');
    return { class: 'talker', profiles: ['climber'], confidence: 'tentative', reasoning };
  }
  if (perspective === 'group') {
    reasoning.push('Talks about needs and challenges from the group’s perspective: chances are they are a Mobilizer.');
  }
  if (task.delivered === 'no') {
    reasoning.push(
      'Did not deliver the task they were given: not yet willing or able to mobilize; treat them as a Talker.',
    );
    const profiles: StakeholderProfile[] =
      perspective === 'group' ? ['guide', 'friend'] : ['guide', 'friend', 'climber'];
    return { class: 'talker', profiles, confidence: 'tentative', reasoning };
  }
  if (task.delivered === 'yes') reasoning.push('Delivered the task they were given: willing and able to mobilize.');
  if (insightReaction === 'engaged' && perspective === 'group' && task.delivered === 'yes') {
    reasoning.push('All three tells agree: a Mobilizer. Choose Go-Getter, Teacher or Skeptic by how they work.');
    return { class: 'mobilizer', profiles: [...MOBILIZERS], confidence: 'confirmed', reasoning };
  }
  if (perspective === 'group' || task.delivered === 'yes') {
    reasoning.push(nextStep({ insightReaction, perspective, task }));
    return { class: 'mobilizer', profiles: [...MOBILIZERS], confidence: 'tentative', reasoning };
  }
  reasoning.push(nextStep({ insightReaction, perspective, task }));
  return { class: 'unknown', profiles: [], confidence: 'tentative', reasoning };
}

function nextStep({ insightReaction, perspective, task }: MobilizerTestAnswers): string {
  if (insightReaction === null) return 'Next: lead with a thought-provoking insight and gauge their reaction.';
  if (perspective === null) return 'Next: listen to how they talk about their needs: the group’s or their own?';
  if (task.delivered === null) {
    return task.text.trim()
      ? 'Next: check whether they deliver the task: only then can you be certain.'
      : 'Next: give them a task and check whether they deliver: only then can you be certain.';
  }
  return 'Next: finish the test before relying on them.';
}
