import * as Y from 'yjs';
import type { SharedMaps } from '../shared-doc/shared-maps.ts';

function stageMaps(coaching: Y.Map<unknown>): Y.Map<unknown>[] {
  const stages = coaching.get('stages');
  if (!(stages instanceof Y.Map)) return [];
  return [...stages.values()].filter((stage): stage is Y.Map<unknown> => stage instanceof Y.Map);
}

/** Removes `link` (e.g. `objection:<id>`) from every coaching stage's evidence. Call inside the removal's transaction. */
export function forgetLinkInCoaching(maps: Pick<SharedMaps, 'coaching'>, link: string): void {
  for (const stage of stageMaps(maps.coaching)) {
    const evidence = stage.get('evidence');
    if (!(evidence instanceof Y.Array)) continue;
    const list = evidence.toArray();
    for (let i = list.length - 1; i >= 0; i--) if (list[i] === link) evidence.delete(i, 1);
  }
}

/**
 * Removes a stakeholder from coaching: evidence links to them or their answer go, and coaching whose
 * Mobilizer they were keeps its stages with no Mobilizer named. Call inside the removal's transaction.
 */
export function forgetStakeholderInCoaching(maps: Pick<SharedMaps, 'coaching'>, stakeholderId: string): void {
  forgetLinkInCoaching(maps, `voice:${stakeholderId}`);
  forgetLinkInCoaching(maps, `stakeholder:${stakeholderId}`);
  if (maps.coaching.get('mobilizerId') === stakeholderId) maps.coaching.set('mobilizerId', null);
}
