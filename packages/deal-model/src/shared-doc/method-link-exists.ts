import { type MethodLinkKind, parseMethodLink } from '../vocabulary/index.ts';
import type { SharedMaps } from './shared-maps.ts';

/** The map a {@link MethodLinkKind} points into (`voice:<id>` names a stakeholder, whose answer it is). */
export function methodLinkTargets(
  maps: Pick<SharedMaps, 'objections' | 'stakeholders' | 'negotiables'>,
): Record<MethodLinkKind, { has(id: string): boolean }> {
  return {
    objection: maps.objections,
    voice: maps.stakeholders,
    negotiable: maps.negotiables,
    stakeholder: maps.stakeholders,
  };
}

/** True when `link` is well formed, of one of `kinds`, and points at a record that exists. */
export function methodLinkExists(
  maps: Pick<SharedMaps, 'objections' | 'stakeholders' | 'negotiables'>,
  link: unknown,
  kinds?: readonly MethodLinkKind[],
): boolean {
  const parsed = parseMethodLink(link, kinds);
  return parsed !== null && methodLinkTargets(maps)[parsed.kind].has(parsed.id);
}
