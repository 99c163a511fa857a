import type * as Y from 'yjs';
import { readCriteria } from '../criteria/index.ts';
import { readGuides } from '../guides/index.ts';
import { readObjections } from '../objections/index.ts';
import { readMeta } from '../shared-doc/index.ts';
import { readStakeholders, type Stakeholder } from '../stakeholders/index.ts';
import { computeDisconnects } from '../status/disconnects.ts';
import type { AgendaPhase, AgendaSource } from '../vocabulary/index.ts';
import { readVoices } from '../voices/index.ts';

/** A disconnect narrower than this (points on the 0–100 scale) is not worth a workshop item. */
export const AGENDA_MIN_SPREAD = 20;
/** An objection's raiser needs at least this influence (1–5) for the objection to be on the agenda. */
export const AGENDA_MIN_INFLUENCE = 4;
const EXCERPT = 200;

/** An agenda item {@link suggestAgenda} proposes (what `addAgendaItem` takes). */
export interface SuggestedAgendaItem {
  text: string;
  phase: AgendaPhase;
  source: AgendaSource;
}

const excerpt = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > EXCERPT ? `${line.slice(0, EXCERPT - 1).trimEnd()}…` : line;
};

/**
 * A workshop agenda drawn from the shared document's evidence, in seed 003's three phases (DESIGN.md 7c):
 * - **prompt**: one opening item, the problem the group shares: the response to a status-quo objection
 *   (the cost of doing nothing), else a guide's first key message, else the deal's title;
 * - **explore**: the widest disconnects first (spread ≥ 20, self-reported ones first, see
 *   `computeDisconnects`), naming who stands where; then open objections raised by stakeholders of
 *   influence ≥ 4; then Blockers' concerns in their own words; then criteria someone said were missing;
 * - **converge**: agree the weight of each disconnect criterion, then the next step.
 * Reads only the shared document, so nothing from the seller's private document can reach the agenda
 * the Mobilizer sees. Pure: writes nothing (see `createWorkshop`).
 */
export function suggestAgenda(doc: Y.Doc): SuggestedAgendaItem[] {
  const stakeholders = readStakeholders(doc);
  const byId = new Map(stakeholders.map((s) => [s.id, s]));
  const nameOf = (id: string | null): string => (id && byId.get(id)?.name) || 'Someone';
  const criteria = readCriteria(doc);
  const objections = readObjections(doc);
  const voices = readVoices(doc);
  const items: SuggestedAgendaItem[] = [];

  const statusQuo = objections.find((o) => o.category === 'status-quo' && o.response.trim());
  const rank = new Map(stakeholders.map((s, i) => [s.id, i]));
  const keyMessage = readGuides(doc)
    .sort((a, b) => (rank.get(a.stakeholderId) ?? 0) - (rank.get(b.stakeholderId) ?? 0))
    .map((g) => g.keyMessages.split('\n').find((line) => line.trim()))
    .find((line) => line !== undefined);
  const title = readMeta(doc).title;
  items.push({
    phase: 'prompt',
    source: statusQuo ? `objection:${statusQuo.id}` : 'custom',
    text: statusQuo
      ? `Open with the cost of doing nothing: ${excerpt(statusQuo.response)}`
      : keyMessage
        ? `Open with the problem the group shares: ${excerpt(keyMessage)}`
        : `Open with the problem the group shares: why ${title ? `"${title}"` : 'this'} now, and what doing nothing costs`,
  });

  const who = (ids: readonly string[]): string => {
    const names = [...ids].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0)).map(nameOf);
    return names.length > 2 ? `${names.slice(0, 2).join(', ')} and ${names.length - 2} more` : names.join(', ');
  };
  const disconnects = computeDisconnects(criteria, voices).filter((d) => d.spread >= AGENDA_MIN_SPREAD);
  for (const d of disconnects) {
    items.push({
      phase: 'explore',
      source: `criterion:${d.criterionId}`,
      text: `Weights for "${d.name}" range from ${d.min} (${who(d.lowest)}) to ${d.max} (${who(d.highest)}): hear why`,
    });
  }

  const heavy = objections
    .filter((o) => o.status === 'open' && (byId.get(o.raisedBy ?? '')?.influence ?? 0) >= AGENDA_MIN_INFLUENCE)
    .sort((a, b) => byId.get(b.raisedBy!)!.influence - byId.get(a.raisedBy!)!.influence);
  for (const o of heavy) {
    items.push({
      phase: 'explore',
      source: `objection:${o.id}`,
      text: `${nameOf(o.raisedBy)}'s objection: "${excerpt(o.title)}": explore it together`,
    });
  }

  const isBlocker = (s: Stakeholder | undefined): boolean => s?.profile === 'blocker';
  for (const v of voices.filter((v) => isBlocker(byId.get(v.stakeholderId)) && v.concerns)) {
    items.push({
      phase: 'explore',
      source: `voice:${v.stakeholderId}`,
      text: `${nameOf(v.stakeholderId)}'s concern, in their own words: "${excerpt(v.concerns)}"`,
    });
  }
  for (const v of voices.filter((v) => v.missing)) {
    items.push({
      phase: 'explore',
      source: `voice:${v.stakeholderId}`,
      text: `${nameOf(v.stakeholderId)} misses a criterion: "${excerpt(v.missing)}": should the group add it?`,
    });
  }

  for (const d of disconnects) {
    items.push({ phase: 'converge', source: `criterion:${d.criterionId}`, text: `Agree the weight of "${d.name}"` });
  }
  items.push({ phase: 'converge', source: 'custom', text: 'Agree the next step and who commits to it' });
  return items;
}
