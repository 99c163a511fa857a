import * as Y from 'yjs';
import type { SharedMaps } from '../shared-doc/shared-maps.ts';

/**
 * The weight stakeholder `stakeholderId` gave criterion `criterionId` in their own answer (the `voices`
 * map), or undefined. Low-level: used by the criteria writers to protect self-reported weights.
 */
export function voiceWeight(
  maps: Pick<SharedMaps, 'voices'>,
  stakeholderId: string,
  criterionId: string,
): number | undefined {
  const voice = maps.voices.get(stakeholderId);
  const weights = voice instanceof Y.Map ? voice.get('weights') : undefined;
  const value = weights instanceof Y.Map ? weights.get(criterionId) : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Removes a criterion from every answer in `voices` (call inside the removal's transaction). */
export function forgetCriterionInVoices(maps: Pick<SharedMaps, 'voices'>, criterionId: string): void {
  for (const voice of maps.voices.values()) {
    const weights = voice instanceof Y.Map ? voice.get('weights') : undefined;
    if (weights instanceof Y.Map && weights.has(criterionId)) weights.delete(criterionId);
  }
}
