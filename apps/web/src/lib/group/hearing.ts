import type { Voice } from '@quorum/deal-model';
import type { StakeholderEngagement } from './engagement-api.ts';

/**
 * Where a member of the buying group stands in being heard: `answered` in their own words; `opened` their
 * guide link but not answered; `not-opened` a link they have; `not-asked` (no link yet); `unknown` when the
 * server's engagement figures are unavailable and they have not answered.
 */
export type HearingState = 'answered' | 'opened' | 'not-opened' | 'not-asked' | 'unknown';

/** The order the Voices view lists the states in. */
export const HEARING_STATES: readonly HearingState[] = ['answered', 'opened', 'not-opened', 'not-asked', 'unknown'];

/** One stakeholder in the Voices view. */
export interface Hearing {
  stakeholderId: string;
  name: string;
  state: HearingState;
  voice: Voice | null;
  engagement: StakeholderEngagement | null;
}

/**
 * Each mapped stakeholder with how far they have been heard, in the map's order. `engagement` is null when
 * the figures are unavailable: then only answers (from the shared document) are known.
 */
export function hearingOf(
  stakeholders: ReadonlyArray<{ id: string; name: string }>,
  voices: readonly Voice[],
  engagement: ReadonlyMap<string, StakeholderEngagement> | null,
): Hearing[] {
  const byId = new Map(voices.map((v) => [v.stakeholderId, v]));
  return stakeholders.map(({ id, name }) => {
    const voice = byId.get(id) ?? null;
    const figures = engagement?.get(id) ?? null;
    let state: HearingState;
    if (voice) state = 'answered';
    else if (!engagement) state = 'unknown';
    else if ((figures?.views ?? 0) > 0) state = 'opened';
    else if ((figures?.links ?? 0) > 0) state = 'not-opened';
    else state = 'not-asked';
    return { stakeholderId: id, name: name || 'Unnamed stakeholder', state, voice, engagement: figures };
  });
}

/** The same people grouped by state (every state present, possibly empty), answers newest first. */
export function groupHearing(hearings: readonly Hearing[]): Record<HearingState, Hearing[]> {
  const groups = Object.fromEntries(HEARING_STATES.map((s) => [s, [] as Hearing[]])) as Record<HearingState, Hearing[]>;
  for (const hearing of hearings) groups[hearing.state].push(hearing);
  groups.answered.sort((a, b) => (b.voice?.submittedAt ?? '').localeCompare(a.voice?.submittedAt ?? ''));
  return groups;
}

/** The two marks a stakeholder's map card shows: opened their guide, answered. */
export interface EngagementMarks {
  /** null: not known (figures unavailable and no answer). */
  opened: boolean | null;
  answered: boolean;
  openedLabel: string;
  answeredLabel: string;
}

/**
 * The "opened their guide" and "answered" marks of one stakeholder, with the words that carry them
 * (colour and shape are never the only carriers). An answer implies the guide was opened.
 */
export function engagementMarks(
  hearing: Pick<Hearing, 'state' | 'voice' | 'engagement'>,
  describeTime: (iso: string) => string,
): EngagementMarks {
  const { state, voice, engagement } = hearing;
  const answered = state === 'answered';
  const opened = answered || state === 'opened' ? true : state === 'unknown' ? null : false;
  const views = engagement?.views ?? 0;
  let openedLabel: string;
  if (opened === null) openedLabel = 'Guide views not available';
  else if (views > 0) {
    const last = engagement?.lastViewedAt ? `, last ${describeTime(engagement.lastViewedAt)}` : '';
    openedLabel = `Opened their guide (${views === 1 ? '1 view' : `${views} views`}${last})`;
  } else if (opened) openedLabel = 'Opened their guide';
  else if (state === 'not-asked') openedLabel = 'No guide link yet';
  else openedLabel = 'Has not opened their guide yet';
  const answeredLabel =
    answered && voice?.submittedAt
      ? `Answered in their own words ${describeTime(voice.submittedAt)}`
      : answered
        ? 'Answered in their own words'
        : 'Has not answered yet';
  return { opened, answered, openedLabel, answeredLabel };
}
