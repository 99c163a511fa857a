import { PLAN_STAGE_IDS } from '../vocabulary/index.ts';
import type { DocumentJson } from './doc-to-json.ts';

type Records = Record<string, Record<string, unknown>>;

/** Keeps the named fields of each record (and only records that are objects). */
function pick(records: unknown, fields: readonly string[], extra: Record<string, unknown> = {}): Records {
  const out: Records = {};
  if (typeof records !== 'object' || records === null) return out;
  for (const [id, record] of Object.entries(records as Records)) {
    if (typeof record !== 'object' || record === null) continue;
    const kept: Record<string, unknown> = {};
    for (const field of fields) if (field in record) kept[field] = record[field];
    out[id] = { ...kept, ...extra };
  }
  return out;
}

/**
 * The part of a deal's shared JSON an organization reuses as a playbook (issue 15, templates): the criteria
 * (name, description, weight, kind, mandatory; no owner, scores or stakeholders' weights), the options (the
 * status quo kept), each plan stage's verifiers (none done) and the objection library (title, category,
 * response, evidence, owner side; none raised by anyone, all open). Never a stakeholder, a guide, a voice, a note.
 */
export function playbookFromShared(shared: DocumentJson): DocumentJson {
  const plan: Records = {};
  const stages = (shared.plan ?? {}) as Records;
  for (const stageId of PLAN_STAGE_IDS) {
    plan[stageId] = {
      verifiers: pick(stages[stageId]?.verifiers, ['text', 'order'], { done: false, doneBy: null, doneAt: null }),
    };
  }
  return {
    criteria: pick(shared.criteria, ['name', 'description', 'weight', 'kind', 'mandatory', 'order'], {
      owner: null,
      scores: {},
      weightsByStakeholder: {},
    }),
    options: pick(shared.options, ['name', 'isStatusQuo', 'order']),
    plan,
    objections: pick(shared.objections, ['title', 'category', 'response', 'evidence', 'owner', 'order'], {
      raisedBy: null,
      status: 'open',
    }),
  };
}
