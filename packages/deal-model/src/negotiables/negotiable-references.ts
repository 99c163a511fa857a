import * as Y from 'yjs';
import type { SharedMaps } from '../shared-doc/shared-maps.ts';

/** Clears `answers` of every negotiable point that answers `link` (e.g. `objection:<id>`). Call inside the removal's transaction. */
export function forgetConcernInNegotiables(maps: Pick<SharedMaps, 'negotiables'>, link: string): void {
  for (const record of maps.negotiables.values()) {
    if (record instanceof Y.Map && record.get('answers') === link) record.set('answers', null);
  }
}

/**
 * Clears a removed stakeholder from the negotiable points: `answers` of their voice and `concededTo` them
 * become null (the points stay). Call inside the removal's transaction.
 */
export function forgetStakeholderInNegotiables(maps: Pick<SharedMaps, 'negotiables'>, stakeholderId: string): void {
  forgetConcernInNegotiables(maps, `voice:${stakeholderId}`);
  for (const record of maps.negotiables.values()) {
    if (record instanceof Y.Map && record.get('concededTo') === stakeholderId) record.set('concededTo', null);
  }
}
