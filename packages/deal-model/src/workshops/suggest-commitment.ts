import type * as Y from 'yjs';
import { readCriteria } from '../criteria/index.ts';
import { readStakeholders, type Stakeholder } from '../stakeholders/index.ts';
import { computeDisconnects } from '../status/disconnects.ts';
import { COMMITMENT_STAGES, type CommitmentStage, parseAgendaSource } from '../vocabulary/index.ts';
import { readVoices } from '../voices/index.ts';
import { readWorkshops, type Workshop } from './workshops.ts';

/** A proposed move along the stakeholder commitment process map: a person confirms it, nothing writes it. */
export interface CommitmentSuggestion {
  stakeholderId: string;
  from: CommitmentStage;
  to: CommitmentStage;
  /** The evidence, in a sentence. */
  reason: string;
}

/**
 * Suggests moving stakeholders one step along seed 003's commitment process map (unaware → disconnect
 * conveyed → urgency → workshop support → committed) when the shared document holds the evidence for
 * that step:
 * - **unaware → disconnect-conveyed**: they attended a workshop in which an item about a criterion they
 *   weighted, or about their own answer, was ticked off;
 * - **disconnect-conveyed → urgency**: they answered in their own words, naming a concern or a missing
 *   criterion, or their own answer puts them at one end (lowest or highest) of one of the group's disconnects;
 * - **urgency → workshop-support**: they are listed to attend a workshop that has not been held yet (an
 *   agenda item still open, or no agenda);
 * - **workshop-support → committed**: they attended a workshop whose converge items were all ticked off.
 * Returns suggestions in the stakeholders' order; never writes (`updateStakeholder` does, once confirmed).
 */
export function suggestCommitment(doc: Y.Doc): CommitmentSuggestion[] {
  const stakeholders = readStakeholders(doc);
  const criteria = readCriteria(doc);
  const criteriaById = new Map(criteria.map((c) => [c.id, c]));
  const voices = new Map(readVoices(doc).map((v) => [v.stakeholderId, v]));
  const disconnects = computeDisconnects(criteria, [...voices.values()], { limit: Infinity });
  const workshops = readWorkshops(doc);
  const attended = (s: Stakeholder): Workshop[] => workshops.filter((w) => w.attendees.includes(s.id));
  const out: CommitmentSuggestion[] = [];
  const suggest = (s: Stakeholder, reason: string): void => {
    const next = COMMITMENT_STAGES[COMMITMENT_STAGES.indexOf(s.commitment) + 1]!;
    out.push({ stakeholderId: s.id, from: s.commitment, to: next, reason });
  };

  for (const s of stakeholders) {
    const theirs = attended(s);
    if (s.commitment === 'unaware') {
      for (const w of theirs) {
        const item = w.agenda.find((i) => {
          if (!i.done) return false;
          const ref = parseAgendaSource(i.source);
          if (ref?.kind === 'voice') return ref.id === s.id;
          return ref?.kind === 'criterion' && criteriaById.get(ref.id)?.weightsByStakeholder[s.id] !== undefined;
        });
        if (!item) continue;
        const ref = parseAgendaSource(item.source)!;
        const about =
          ref.kind === 'voice' ? 'their own answer' : `the disconnect on "${criteriaById.get(ref.id)!.name}"`;
        suggest(s, `Attended "${w.title}", where ${about} was discussed.`);
        break;
      }
    } else if (s.commitment === 'disconnect-conveyed') {
      const voice = voices.get(s.id);
      if (!voice) continue;
      const onDisconnect = disconnects.find(
        (d) => voice.weights[d.criterionId] !== undefined && (d.lowest.includes(s.id) || d.highest.includes(s.id)),
      );
      if (voice.concerns || voice.missing) {
        suggest(
          s,
          `Answered in their own words${voice.submittedAt ? ` (${voice.submittedAt.slice(0, 10)})` : ''}, naming ${voice.concerns ? 'a concern' : 'a missing criterion'}: they want it resolved.`,
        );
      } else if (onDisconnect) {
        suggest(s, `Their own answer puts them at one end of the disconnect on "${onDisconnect.name}".`);
      }
    } else if (s.commitment === 'urgency') {
      const upcoming = theirs.find((w) => w.agenda.length === 0 || w.agenda.some((i) => !i.done));
      if (upcoming) suggest(s, `Listed to attend "${upcoming.title}": confirm they support it and will take part.`);
    } else if (s.commitment === 'workshop-support') {
      const converged = theirs.find((w) => {
        const converge = w.agenda.filter((i) => i.phase === 'converge');
        return converge.length > 0 && converge.every((i) => i.done);
      });
      if (converged) suggest(s, `Attended "${converged.title}", where the group agreed its weights and the next step.`);
    }
  }
  return out;
}
