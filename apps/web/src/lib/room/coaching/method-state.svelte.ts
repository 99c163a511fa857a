import {
  type Coaching,
  type CoachingStageReached,
  coachingStageReached,
  type MentalModel,
  type ModelDiff,
  modelDiff,
  type Negotiable,
  readCoaching,
  readMentalModel,
  readNegotiables,
} from '@quorum/deal-model';
import type { RoomModel } from '../model/room-model.svelte.ts';
import { type DiffMarks, diffMarks, type LinkSources } from './method-view.ts';

/**
 * The shared half of the seller's method as Svelte state (issue 14): commercial coaching, negotiable points and
 * the mental model A → B, re-read when their collections change. Everything here is in the shared document,
 * so the Mobilizer's view and the seller's are the same.
 */
export class MethodState {
  readonly #model: RoomModel;

  constructor(model: RoomModel) {
    this.#model = model;
  }

  get #session() {
    return this.#model.session;
  }

  coaching: Coaching = $derived.by(() => {
    for (const name of ['coaching', 'stakeholders', 'objections', 'negotiables']) this.#session.version(name);
    return readCoaching(this.#session.shared);
  });

  reached: CoachingStageReached = $derived.by(() => {
    this.#session.version('coaching');
    return coachingStageReached(this.#session.shared);
  });

  negotiables: Negotiable[] = $derived.by(() => {
    for (const name of ['negotiables', 'stakeholders', 'objections']) this.#session.version(name);
    return readNegotiables(this.#session.shared);
  });

  mentalModel: MentalModel = $derived.by(() => {
    for (const name of ['mentalModel', 'stakeholders']) this.#session.version(name);
    return readMentalModel(this.#session.shared);
  });

  diff: ModelDiff = $derived.by(() => {
    this.#session.version('mentalModel');
    return modelDiff(this.#session.shared);
  });

  marks: DiffMarks = $derived(diffMarks(this.diff));

  /** What evidence links and concerns may point at. */
  sources: LinkSources = $derived.by(() => ({
    objections: this.#model.objections,
    voices: this.#model.voices,
    negotiables: this.negotiables,
    stakeholders: this.#model.stakeholders,
  }));
}
