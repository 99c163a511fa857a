import type { StakeholderProfile, StakeholderRole } from '@quorum/deal-model';

/** The three texts of a stakeholder guide. */
export interface GuideDraft {
  summary: string;
  keyMessages: string;
  asks: string;
}

/** What a scaffold is tailored to: who the guide is for, and the company it speaks for. */
export interface ScaffoldInput {
  name: string;
  title?: string;
  role: StakeholderRole | null;
  profile: StakeholderProfile;
  /** The buyer company, the guide's voice ("we at Globex"). */
  organization?: string;
}

/**
 * How a guide opens and what it stresses, per profile (seed 003): a Go-Getter wants the big picture and
 * then the implementation details; a Teacher a grand, sweeping vision; a Skeptic room for questions,
 * evidence and small wins first; a Blocker values stability, so the guide shows what stays the same.
 */
const byProfile: Record<StakeholderProfile, { summary: (who: string) => string; messages: string[]; ask: string }> = {
  'go-getter': {
    summary: (who) =>
      `The big picture, ${who}: [the outcome we are after, in one sentence].\n\nHow we would get there: [first step, who does it, by when], then [second step].`,
    messages: [
      'Where this takes us: [the result in twelve months]',
      'How it works in practice: [the first 90 days, step by step]',
      'What it takes from your team: [people, hours, systems]',
    ],
    ask: 'Tell us which part of the rollout you would drive, and what you need to start.',
  },
  teacher: {
    summary: (who) =>
      `${who}, this is about where we want to be as a company: [the vision, in one bold sentence].\n\n[What we have been missing about our business, and why it matters now.]`,
    messages: [
      'The shift: from [how we work today] to [how we will work]',
      'Why now: [what the status quo is costing us]',
      'The story others need to hear: [the one insight worth repeating]',
    ],
    ask: 'Help us tell this story to [the colleagues who need to hear it] in your own words.',
  },
  skeptic: {
    summary: (who) =>
      `${who}, we know a change like this is a risk, so here is what we know, what we do not know yet, and how we would start small.\n\n[The problem, with the evidence that it is real.]`,
    messages: [
      'What the evidence says: [figures, references, sources]',
      'The first small win: [a pilot we can judge in weeks, not months]',
      'What would make us stop: [the results that would change our mind]',
      'Questions still open: [what we are checking next]',
    ],
    ask: 'Send us every question and doubt you have; we would rather answer them now. Would you review the pilot results with us?',
  },
  guide: {
    summary: (who) => `${who}, here is where this decision stands and what we have learned so far: [summary].`,
    messages: ['What we have learned: [facts]', 'What we still need to find out: [open points]'],
    ask: 'Tell us what we are missing: whose view we have not heard yet.',
  },
  friend: {
    summary: (who) => `${who}, a short note on a decision we are working on together: [summary].`,
    messages: ['Why it matters to the people around you: [benefit]', 'Who else is involved: [names]'],
    ask: 'Would you introduce us to [colleague] so they hear it first-hand?',
  },
  climber: {
    summary: (who) => `${who}, this is a project that will be visible: [summary, and the result it delivers].`,
    messages: [
      'The win for your area: [measurable result you can point to]',
      'The recognition: [who will see the outcome, and when]',
    ],
    ask: 'Would you sponsor [part of the project] and present its results to [forum]?',
  },
  blocker: {
    summary: (who) =>
      `${who}, we want to be clear about what changes and, just as much, what stays the same: [summary].`,
    messages: [
      'What stays the same: [processes, people and systems that are untouched]',
      'How disruption is contained: [timing, pilot scope, fallback]',
      'Your concern, addressed: [the specific worry and our answer]',
    ],
    ask: 'Tell us the one condition that would make this acceptable to you.',
  },
  unknown: {
    summary: (who) => `${who}, a short briefing on [the decision] and why it matters to us: [summary].`,
    messages: ['Why now: [reason]', 'What changes for you: [impact]'],
    ask: '[What we would like you to do, and by when.]',
  },
};

/** What each buying-center role (seed 002) cares about: a decider the outcome and budget, a user daily work. */
const byRole: Record<StakeholderRole, { messages: string[]; ask: string }> = {
  decider: {
    messages: [
      'The outcome: [the business result, in numbers]',
      'The budget: [total cost, and what doing nothing costs]',
    ],
    ask: 'Decide by [date] whether we go ahead, within a budget of [amount].',
  },
  approver: {
    messages: ['The risk, and how it is managed: [summary]', 'The budget and its return: [figures]'],
    ask: 'Sign off on [what] by [date].',
  },
  gatekeeper: {
    messages: [
      'The criteria we judge options by: [the weighted list]',
      'How the options compare, including doing nothing: [summary]',
    ],
    ask: 'Check that the criteria cover [policy / compliance requirement] and tell us what is missing.',
  },
  influencer: {
    messages: ['Where your expertise matters: [the question only you can answer]'],
    ask: 'Give us your view on [topic] before [meeting].',
  },
  buyer: {
    messages: ['The commercial terms: [price, contract, payment]', 'How we keep options open: [negotiable points]'],
    ask: 'Run the purchasing steps for [scope] by [date].',
  },
  user: {
    messages: [
      'What changes in your daily work: [before and after, concretely]',
      'The time it saves, or costs, in the first weeks: [estimate]',
      'Training and support: [what you get]',
    ],
    ask: 'Try [the pilot] for [period] and tell us honestly how it fits your work.',
  },
};

const bullet = (lines: string[]) => lines.map((line) => `- ${line}`).join('\n');

/**
 * A first draft of a stakeholder guide tailored to the stakeholder's profile and role, written in the
 * buyer company's voice, with [brackets] for what the Mobilizer fills in. It is a starting point: the
 * Mobilizer edits it freely.
 */
export function guideScaffold({ name, role, profile, organization }: ScaffoldInput): GuideDraft {
  const who = name.trim().split(/\s+/)[0] || 'Hello';
  const tailored = byProfile[profile] ?? byProfile.unknown;
  const forRole = role ? byRole[role] : undefined;
  const messages = [...tailored.messages, ...(forRole?.messages ?? [])];
  const asks = forRole ? `${forRole.ask}\n\n${tailored.ask}` : tailored.ask;
  const voice = organization?.trim() ? `\n\n[Why this matters to ${organization.trim()} as a whole.]` : '';
  return { summary: `${tailored.summary(who)}${voice}`, keyMessages: bullet(messages), asks };
}

/** Whether a guide has no text yet (a scaffold can be applied without overwriting anyone's words). */
export function isBlankGuide(draft: GuideDraft): boolean {
  return !draft.summary.trim() && !draft.keyMessages.trim() && !draft.asks.trim();
}
