import * as Y from 'yjs';
import type { SharedMaps } from '../shared-doc/shared-maps.ts';

function agendaItems(workshop: unknown): Y.Map<unknown>[] {
  const agenda = workshop instanceof Y.Map ? workshop.get('agenda') : undefined;
  if (!(agenda instanceof Y.Map)) return [];
  return [...agenda.values()].filter((item): item is Y.Map<unknown> => item instanceof Y.Map);
}

/**
 * Turns every agenda item whose `source` is `source` (e.g. `criterion:<id>`) into a `custom` item: its
 * text stays, the reference to a removed record goes. Call inside the removal's transaction.
 */
export function forgetSourceInWorkshops(maps: Pick<SharedMaps, 'workshops'>, source: string): void {
  for (const workshop of maps.workshops.values()) {
    for (const item of agendaItems(workshop)) if (item.get('source') === source) item.set('source', 'custom');
  }
}

/**
 * Removes a stakeholder from every workshop's `attendees` and turns agenda items drawn from their answer
 * (`voice:<id>`) into `custom` items. Call inside the removal's transaction.
 */
export function forgetStakeholderInWorkshops(maps: Pick<SharedMaps, 'workshops'>, stakeholderId: string): void {
  forgetSourceInWorkshops(maps, `voice:${stakeholderId}`);
  for (const workshop of maps.workshops.values()) {
    const attendees = workshop instanceof Y.Map ? workshop.get('attendees') : undefined;
    if (!(attendees instanceof Y.Array)) continue;
    const list = attendees.toArray();
    for (let i = list.length - 1; i >= 0; i--) if (list[i] === stakeholderId) attendees.delete(i, 1);
  }
}
