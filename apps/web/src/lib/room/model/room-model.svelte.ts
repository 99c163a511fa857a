import {
  type CommitmentSuggestion,
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
  readVoices,
  readWorkshops,
  type Stakeholder,
  suggestCommitment,
  type Voice,
  type Workshop,
} from '@quorum/deal-model';
import * as Y from 'yjs';
import type { RoomSession } from '../session/room-session.svelte.ts';

/**
 * The deal room's records as Svelte state, read from the session's documents through the deal-model
 * helpers. Each list re-reads its collection only when that collection changed structurally (the
 * session's version counters, fed by `observeDeep`); text fields are bound to their Y.Text directly.
 */
export class RoomModel {
  readonly session: RoomSession;

  /** Bumped when `voices` / `workshops` change structurally (the session does not track these two yet). */
  #voicesVersion = $state(0);
  #workshopsVersion = $state(0);

  constructor(session: RoomSession) {
    this.session = session;
    this.#watch('voices', () => this.#voicesVersion++);
    this.#watch('workshops', () => this.#workshopsVersion++);
  }

  /** Observes a top-level map of the shared document; text edits inside it (a workshop's outcome) are left out. */
  #watch(name: string, bump: () => void): void {
    this.session.shared.getMap(name).observeDeep((events) => {
      if (!events.every((e) => e.target instanceof Y.Text)) bump();
    });
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

  /** Each stakeholder's own answer (DESIGN.md 7a), in the map's order. */
  voices: Voice[] = $derived.by(() => {
    this.#voicesVersion;
    this.session.version('stakeholders');
    this.session.version('criteria');
    return readVoices(this.session.shared);
  });

  voiceById: Map<string, Voice> = $derived(new Map(this.voices.map((v) => [v.stakeholderId, v])));

  /** Collective-learning workshops (DESIGN.md 7c), each with its agenda in order. */
  workshops: Workshop[] = $derived.by(() => {
    this.#workshopsVersion;
    for (const name of ['stakeholders', 'criteria', 'objections']) this.session.version(name);
    return readWorkshops(this.session.shared);
  });

  /** Steps along the commitment map the evidence suggests; a person confirms each (never written by itself). */
  commitmentSuggestions: CommitmentSuggestion[] = $derived.by(() => {
    this.#voicesVersion;
    this.#workshopsVersion;
    for (const name of ['stakeholders', 'criteria', 'objections']) this.session.version(name);
    return suggestCommitment(this.session.shared);
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
    this.#voicesVersion;
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
