import type * as Y from 'yjs';
import { coachingStageReached } from '../coaching/coaching.ts';
import { readCriteria, scoreOptions } from '../criteria/index.ts';
import { readObjections } from '../objections/index.ts';
import { readOptions } from '../options/index.ts';
import { isoToday, nextVerifierDue, overdueVerifiers, type PlanStage, readPlan } from '../plan/index.ts';
import { readQualification } from '../qualification/qualification.ts';
import { qualificationScore } from '../qualification/qualification-score.ts';
import { hasBlockerPlan } from '../seller-doc/blocker-plans.ts';
import { readBlockerPlans } from '../seller-doc/index.ts';
import { readMeta } from '../shared-doc/index.ts';
import { readStakeholders } from '../stakeholders/index.ts';
import type { DealStage } from '../vocabulary/index.ts';
import { readVoices } from '../voices/index.ts';
import { computeConsensus } from './consensus.ts';
import { computeDisconnects } from './disconnects.ts';
import { countBuyingGroup } from './group-counts.ts';
import { computeHealth } from './health.ts';
import type { DealStatus } from './status-types.ts';

/** What the caller knows that the documents do not. */
export interface ComputeStatusOptions {
  /** The deal id (default ''). */
  id?: string;
  /** People connected to the room right now (default 0). */
  online?: number;
  /** When the deal last changed, ISO 8601 (default null). */
  updatedAt?: string | null;
  /** Today as an ISO date (`YYYY-MM-DD`), against which verifiers are overdue (default: today, UTC). */
  today?: string;
}

/**
 * The verified stage: the first stage whose verifiers are not all done (a stage without verifiers is not
 * done), `closed` when all are; with how many stages are verified in order.
 */
export function verifiedStage(plan: readonly PlanStage[]): { stage: DealStage; stageIndex: number } {
  const index = plan.findIndex((stage) => !stage.done);
  if (index === -1) return { stage: 'closed', stageIndex: plan.length };
  return { stage: plan[index]!.id, stageIndex: index };
}

/**
 * Computes a deal's status (DESIGN.md section 3) from its shared document and, for sellers and managers,
 * its seller document. Without `seller` (the Mobilizer's view) nothing derived from the seller document
 * appears: no `blockersWithoutPlan`, no `qualification`, and no risk or factor about Blocker plans.
 * `coachingStage` comes from the shared document and is in both views.
 */
export function computeStatus(
  shared: Y.Doc,
  seller?: Y.Doc | null,
  { id = '', online = 0, updatedAt = null, today = isoToday() }: ComputeStatusOptions = {},
): DealStatus {
  const meta = readMeta(shared);
  const stakeholders = readStakeholders(shared);
  const criteria = readCriteria(shared);
  const options = readOptions(shared);
  const objections = readObjections(shared);
  const plan = readPlan(shared);
  const { stage, stageIndex } = verifiedStage(plan);
  const overdue = overdueVerifiers(plan, today).length;
  const consensus = computeConsensus(criteria);
  const voices = readVoices(shared);
  const blockerPlans = seller ? readBlockerPlans(seller) : undefined;
  const { health, band, risks, factors } = computeHealth({
    stakeholders,
    criteria,
    options,
    optionScores: scoreOptions(criteria, options),
    objections,
    consensus,
    stageIndex,
    heardFrom: voices.length,
    overdueVerifiers: overdue,
    blockerPlans,
  });
  const counts = countBuyingGroup(stakeholders);
  const status: DealStatus = {
    id,
    title: meta.title,
    buyer: meta.buyer,
    stage,
    stageIndex,
    stakeholders: counts.people,
    mobilizers: counts.mobilizers,
    talkers: counts.talkers,
    blockers: counts.blockers,
    openObjections: objections.filter((o) => o.status === 'open').length,
    criteria: criteria.length,
    consensus: Math.round(consensus.value * 1000) / 1000,
    commitment: stakeholders.length === 0 ? 0 : Math.round((counts.committed / counts.people) * 1000) / 1000,
    heardFrom: voices.length,
    heardFromShare: stakeholders.length === 0 ? 0 : Math.round((voices.length / stakeholders.length) * 1000) / 1000,
    disconnects: computeDisconnects(criteria, voices),
    overdueVerifiers: overdue,
    nextVerifierDue: nextVerifierDue(plan),
    health,
    band,
    risks,
    factors,
    coachingStage: coachingStageReached(shared),
    online,
    updatedAt,
    view: blockerPlans ? 'full' : 'shared',
  };
  if (blockerPlans && seller) {
    status.blockersWithoutPlan = stakeholders
      .filter((s) => s.group === 'blocker')
      .filter((b) => !hasBlockerPlan(blockerPlans[b.id])).length;
    const { bantConfirmed, decision } = qualificationScore(readQualification(seller));
    status.qualification = { bantConfirmed, decision };
  }
  return status;
}
