import * as Y from 'yjs';
import type { SharedMaps } from '../shared-doc/shared-maps.ts';

/** The two models: A, the customer's current mental model, and B, the new one the group agrees. */
export const MODEL_SIDES = ['current', 'agreed'] as const;
/** `current` (A) or `agreed` (B). */
export type ModelSide = (typeof MODEL_SIDES)[number];

/** The `nodes` and `links` maps of one side's graph, when they exist. */
export function graphMaps(
  maps: Pick<SharedMaps, 'mentalModel'>,
  side: ModelSide,
): { nodes?: Y.Map<Y.Map<unknown>>; links?: Y.Map<Y.Map<unknown>> } {
  const graph = maps.mentalModel.get(side);
  if (!(graph instanceof Y.Map)) return {};
  const nodes = graph.get('nodes');
  const links = graph.get('links');
  return {
    nodes: nodes instanceof Y.Map ? (nodes as Y.Map<Y.Map<unknown>>) : undefined,
    links: links instanceof Y.Map ? (links as Y.Map<Y.Map<unknown>>) : undefined,
  };
}

/** Detaches a removed stakeholder's voice from every belief of both models. Call inside the removal's transaction. */
export function forgetStakeholderInMentalModel(maps: Pick<SharedMaps, 'mentalModel'>, stakeholderId: string): void {
  for (const side of MODEL_SIDES) {
    for (const node of graphMaps(maps, side).nodes?.values() ?? []) {
      const voiceIds = node instanceof Y.Map ? node.get('voiceIds') : undefined;
      if (!(voiceIds instanceof Y.Array)) continue;
      const list = voiceIds.toArray();
      for (let i = list.length - 1; i >= 0; i--) if (list[i] === stakeholderId) voiceIds.delete(i, 1);
    }
  }
}
