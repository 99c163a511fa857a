import { profileConfirmed, type Stakeholder } from '@quorum/deal-model';
import type * as Y from 'yjs';

/**
 * The stakeholders whose profile is set but not confirmed by the Mobilizer test (seller document): the map
 * marks them on the seller's side only, since neither title nor seniority predicts who a Mobilizer is. A person
 * whose profile is still unknown has nothing to confirm and is not marked.
 */
export function unconfirmedProfiles(stakeholders: readonly Stakeholder[], seller: Y.Doc): Set<string> {
  return new Set(
    stakeholders
      .filter((person) => person.profile !== 'unknown' && !profileConfirmed(seller, person.id, person.profile))
      .map((person) => person.id),
  );
}
