/** The three phases of a collective-learning workshop (seed 003: "prompt, explore and converge"), in order. */
export const AGENDA_PHASES = ['prompt', 'explore', 'converge'] as const;
/** A phase of a workshop. */
export type AgendaPhase = (typeof AGENDA_PHASES)[number];

/** Label and what happens in each phase. */
export const AGENDA_PHASE_INFO: Record<AgendaPhase, { label: string; description: string }> = {
  prompt: {
    label: 'Prompt',
    description: 'Open with the problem the group shares, so that everyone starts from the same question.',
  },
  explore: {
    label: 'Explore',
    description: 'Surface the disconnects and concerns honestly: hear each person’s view and why they hold it.',
  },
  converge: {
    label: 'Converge',
    description: 'Agree together: the weight of each disputed criterion, and the next step.',
  },
};

/** Where an agenda item comes from: a criterion, an objection, a stakeholder's own answer, or typed by hand. */
export type AgendaSource = `criterion:${string}` | `objection:${string}` | `voice:${string}` | 'custom';

/** The kinds of record an agenda item's `source` can point at. */
export const AGENDA_SOURCE_KINDS = ['criterion', 'objection', 'voice'] as const;

/** Splits an agenda source into the record kind and id it points at; null for `custom` or anything malformed. */
export function parseAgendaSource(source: unknown): { kind: (typeof AGENDA_SOURCE_KINDS)[number]; id: string } | null {
  if (typeof source !== 'string') return null;
  const colon = source.indexOf(':');
  if (colon <= 0) return null;
  const kind = source.slice(0, colon);
  const id = source.slice(colon + 1);
  if (!id || !(AGENDA_SOURCE_KINDS as readonly string[]).includes(kind)) return null;
  return { kind: kind as (typeof AGENDA_SOURCE_KINDS)[number], id };
}
