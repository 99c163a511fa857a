import {
  type Criterion,
  computeStatus,
  type DealMeta,
  type DealOption,
  type DealStatus,
  type Objection,
  type PlanStage,
  type Relationship,
  readCriteria,
  readMeta,
  readObjections,
  readOptions,
  readPlan,
  readRelationships,
  readStakeholders,
  type Stakeholder,
} from '@quorum/deal-model';
import type { RoomSession } from '../session/room-session.svelte.ts';

/**
 * The deal room's records as Svelte state, read from the session's documents through the deal-model
 * helpers. Each list re-reads its collection only when that collection changed structurally (the
 * session's version counters, fed by `observeDeep`); text fields are bound to their Y.Text directly.
 */
export class RoomModel {
  readonly session: RoomSession;

  constructor(session: RoomSession) {
    this.session = session;
  }

  meta: DealMeta = $derived.by(() => {
    this.session.version('meta');
    return readMeta(this.session.shared);
  });

  stakeholders: Stakeholder[] = $derived.by(() => {
    this.session.version('stakeholders');
    return readStakeholders(this.session.shared);
  });

  stakeholderById: Map<string, Stakeholder> = $derived(new Map(this.stakeholders.map((s) => [s.id, s])));

  relationships: Relationship[] = $derived.by(() => {
    this.session.version('relationships');
    this.session.version('stakeholders');
    return readRelationships(this.session.shared);
  });

  options: DealOption[] = $derived.by(() => {
    this.session.version('options');
    return readOptions(this.session.shared);
  });

  criteria: Criterion[] = $derived.by(() => {
    this.session.version('criteria');
    this.session.version('options');
    this.session.version('stakeholders');
    return readCriteria(this.session.shared);
  });

  objections: Objection[] = $derived.by(() => {
    this.session.version('objections');
    this.session.version('stakeholders');
    return readObjections(this.session.shared);
  });

  plan: PlanStage[] = $derived.by(() => {
    this.session.version('plan');
    return readPlan(this.session.shared);
  });

  /** The customer's verified position: the first stage whose verifiers are not all done. */
  stage: PlanStage['id'] | 'closed' = $derived(this.plan.find((s) => !s.done)?.id ?? 'closed');

  /**
   * The deal's status, live. A seller (and a manager) include the seller document (Blocker plans); a
   * Mobilizer's is computed from the shared document only, which is all they ever receive.
   */
  status: DealStatus = $derived.by(() => {
    for (const name of ['meta', 'stakeholders', 'criteria', 'options', 'objections', 'plan'])
      this.session.version(name);
    const seller = this.session.side === 'seller' ? this.session.private : null;
    if (seller) this.session.version('private.blockerPlans');
    return computeStatus(this.session.shared, seller, {
      id: this.session.dealId,
      online: this.session.peers.length + 1,
    });
  });

  /** The name of a stakeholder, or a placeholder for a missing one. */
  nameOf(id: string | null): string {
    if (!id) return 'Nobody';
    return this.stakeholderById.get(id)?.name || 'Unnamed stakeholder';
  }
}
