import {
  COACHING_STAGE_INFO,
  type CoachingStageReached,
  type MethodLink,
  type MethodLinkKind,
  type ModelDiff,
  type Negotiable,
  type Objection,
  parseMethodLink,
  type Stakeholder,
  type Voice,
} from '@quorum/deal-model';

/** One record an evidence link or a concern can point at, as a choice in a list. */
export interface LinkChoice {
  link: MethodLink;
  kind: MethodLinkKind;
  /** What the list shows, e.g. "Objection: Too expensive". */
  label: string;
}

/** The records of the shared document the method's links may point at. */
export interface LinkSources {
  objections: readonly Objection[];
  voices: readonly Voice[];
  negotiables: readonly Negotiable[];
  stakeholders: readonly Stakeholder[];
}

const KIND_LABELS: Record<MethodLinkKind, string> = {
  objection: 'Objection',
  voice: 'Voice',
  negotiable: 'Negotiable',
  stakeholder: 'Stakeholder',
};

function nameOf(stakeholders: readonly Stakeholder[], id: string): string {
  return stakeholders.find((s) => s.id === id)?.name || 'Unnamed stakeholder';
}

/**
 * The choices of a "link evidence" list, grouped in the order objections, voices (a stakeholder's own answer),
 * negotiable points, stakeholders; `kinds` narrows them (a negotiable point answers an objection or a voice);
 * links already chosen are left out.
 */
export function linkChoices(
  sources: LinkSources,
  {
    kinds = ['objection', 'voice', 'negotiable', 'stakeholder'],
    exclude = [],
  }: {
    kinds?: readonly MethodLinkKind[];
    exclude?: readonly string[];
  } = {},
): LinkChoice[] {
  const all: LinkChoice[] = [];
  const push = (kind: MethodLinkKind, id: string, text: string) => {
    const link = `${kind}:${id}` as MethodLink;
    if (kinds.includes(kind) && !exclude.includes(link))
      all.push({ link, kind, label: `${KIND_LABELS[kind]}: ${text}` });
  };
  for (const o of sources.objections) push('objection', o.id, o.title || 'Untitled objection');
  for (const v of sources.voices)
    push('voice', v.stakeholderId, `${nameOf(sources.stakeholders, v.stakeholderId)}’s own answer`);
  for (const n of sources.negotiables) push('negotiable', n.id, n.text || 'Untitled point');
  for (const s of sources.stakeholders) push('stakeholder', s.id, s.name || 'Unnamed stakeholder');
  return all;
}

/** How a link reads in the room; a link to a record a peer removed reads as removed (never a raw id). */
export function linkLabel(sources: LinkSources, link: string): string {
  const parsed = parseMethodLink(link);
  if (!parsed) return 'A removed record';
  const found = linkChoices(sources, { kinds: [parsed.kind] }).find((choice) => choice.link === link);
  return found?.label ?? `${KIND_LABELS[parsed.kind]}: removed`;
}

/** What the diff says about each belief and arrow, for highlighting A and B side by side. */
export interface DiffMarks {
  /** B's beliefs: `added` (a new box) or `raised` (a bigger box, with the importance it had in A). */
  agreed: Map<string, { change: 'added' } | { change: 'raised'; from: number }>;
  /** A's beliefs B leaves behind. */
  dropped: Set<string>;
  /** B's new arrows. */
  linked: Set<string>;
  /** The number of moves from A to B (added, raised, linked). */
  moves: number;
}

/** Turns `modelDiff` into per-node and per-link marks. */
export function diffMarks(diff: ModelDiff): DiffMarks {
  const agreed: DiffMarks['agreed'] = new Map();
  for (const node of diff.added) agreed.set(node.nodeId, { change: 'added' });
  for (const node of diff.raised) agreed.set(node.nodeId, { change: 'raised', from: node.from });
  return {
    agreed,
    dropped: new Set(diff.dropped.map((node) => node.nodeId)),
    linked: new Set(diff.linked.map((link) => link.linkId)),
    moves: diff.added.length + diff.raised.length + diff.linked.length,
  };
}

/** The coaching stage reached, in words for the deal header: `null` before coaching starts. */
export function coachingStageText(reached: CoachingStageReached): { short: string; long: string } | null {
  if (reached === null) return null;
  if (reached === 'done') return { short: 'Coaching done', long: 'Commercial coaching: all five stages done' };
  const index = Object.keys(COACHING_STAGE_INFO).indexOf(reached);
  const label = COACHING_STAGE_INFO[reached].label;
  return { short: `Coaching ${index + 1}/5`, long: `Commercial coaching, stage ${index + 1} of 5: ${label}` };
}
