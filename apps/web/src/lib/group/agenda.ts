import {
  AGENDA_PHASE_INFO,
  AGENDA_PHASES,
  type AgendaItem,
  type AgendaPhase,
  parseAgendaSource,
} from '@quorum/deal-model';

/** One phase of a workshop's agenda with its items, in order. */
export interface AgendaPhaseGroup {
  phase: AgendaPhase;
  label: string;
  description: string;
  items: AgendaItem[];
  done: number;
}

/** A workshop's agenda grouped by seed 003's phases, prompt → explore → converge, every phase present. */
export function agendaByPhase(agenda: readonly AgendaItem[]): AgendaPhaseGroup[] {
  return AGENDA_PHASES.map((phase) => {
    const items = agenda.filter((item) => item.phase === phase);
    return { phase, ...AGENDA_PHASE_INFO[phase], items, done: items.filter((i) => i.done).length };
  });
}

/** The criterion a converge item asks the group to agree a weight on, or null for any other item. */
export function weightToAgree(item: Pick<AgendaItem, 'phase' | 'source'>): string | null {
  if (item.phase !== 'converge') return null;
  const ref = parseAgendaSource(item.source);
  return ref?.kind === 'criterion' ? ref.id : null;
}

/** "7 of 15 ticked off". */
export function progressLabel(agenda: readonly AgendaItem[]): string {
  const done = agenda.filter((i) => i.done).length;
  return agenda.length === 0 ? 'No agenda yet' : `${done} of ${agenda.length} ticked off`;
}
