import type { Stakeholder } from '../stakeholders/index.ts';
import { AVERAGE_GROUP_SIZE } from './intent-curve.ts';

/** What the counts read from each stakeholder. */
export type CountedStakeholder = Pick<Stakeholder, 'group' | 'stance' | 'commitment'>;

/** The buying group in numbers, the same on the map, in the deal status and on the dashboard. */
export interface BuyingGroupCounts {
  /** Everyone mapped. */
  people: number;
  /** Mobilizers on the seller's side: see {@link isMobilizerOnSide}. */
  mobilizers: number;
  talkers: number;
  blockers: number;
  /** Stakeholders at the last step of the commitment process map. */
  committed: number;
}

/**
 * A Mobilizer who counts: profiled as a Go-Getter, Teacher or Skeptic (seed 003) and supportive (stance ≥ +1).
 * A Skeptic who opposes the purchase mobilizes against it; the health model asks for one on the seller's side.
 */
export function isMobilizerOnSide(person: Pick<Stakeholder, 'group' | 'stance'>): boolean {
  return person.group === 'mobilizer' && person.stance >= 1;
}

/** Counts a buying group; the one source of the Mobilizer count every screen shows. */
export function countBuyingGroup(stakeholders: readonly CountedStakeholder[]): BuyingGroupCounts {
  let mobilizers = 0;
  let talkers = 0;
  let blockers = 0;
  let committed = 0;
  for (const person of stakeholders) {
    if (isMobilizerOnSide(person)) mobilizers++;
    if (person.group === 'talker') talkers++;
    if (person.group === 'blocker') blockers++;
    if (person.commitment === 'committed') committed++;
  }
  return { people: stakeholders.length, mobilizers, talkers, blockers, committed };
}

/**
 * The group's size said in words, beside the typical buying group (seed 003): `long` is
 * "7 stakeholders mapped · typical buying group 5.4", `short` ("7 mapped · typical 5.4") fits a table cell.
 */
export function groupSizeText(people: number): { long: string; short: string } {
  const noun = people === 1 ? 'stakeholder' : 'stakeholders';
  return {
    long: `${people} ${noun} mapped · typical buying group ${AVERAGE_GROUP_SIZE}`,
    short: `${people} mapped · typical ${AVERAGE_GROUP_SIZE}`,
  };
}
