import { z } from 'zod';
import {
  BLOCKER_ACTIONS,
  COMMITMENT_STAGES,
  CRITERION_KINDS,
  INFLUENCE_MAX,
  INFLUENCE_MIN,
  OBJECTION_CATEGORIES,
  OBJECTION_OWNERS,
  OBJECTION_STATUSES,
  PLAN_STAGE_IDS,
  RELATIONSHIP_KINDS,
  SCORE_MAX,
  STAKEHOLDER_PROFILES,
  STAKEHOLDER_ROLES,
  STANCE_MAX,
  STANCE_MIN,
  WEIGHT_MAX,
} from '../vocabulary/index.ts';
import type { DocumentJson } from './doc-to-json.ts';

/** The `format` of an exported deal. */
export const DEAL_EXPORT_FORMAT = 'quorum-deal';
/** The `version` of the export format this code writes and reads. */
export const DEAL_EXPORT_VERSION = 1;

/** A deal as `GET /api/deals/:id/export` answers it (DESIGN.md 7e). */
export interface DealJson {
  format: typeof DEAL_EXPORT_FORMAT;
  version: typeof DEAL_EXPORT_VERSION;
  deal: { title: string; buyer: string };
  shared: DocumentJson;
  seller?: DocumentJson;
  buyer?: DocumentJson;
}

/** One thing wrong with an import, at a dotted path (`shared.stakeholders.<id>.influence`). */
export interface ImportProblem {
  path: string;
  message: string;
}

/** The outcome of a validation: the value, or every problem found. */
export type Validated<T> = { ok: true; value: T } | { ok: false; problems: ImportProblem[] };

const LINE = 500;
const PROSE = 100_000;

/** A record id: a UUID in Quorum's own documents; other short ids from outside tools are accepted. */
const recordId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'An id must be 1 to 64 letters, digits, - or _.');
const line = z.string().max(LINE, `At most ${LINE} characters.`);
const prose = z.string().max(PROSE, `At most ${PROSE} characters.`);
const ref = recordId.nullable();
const order = z.number().finite();
const records = <T extends z.ZodType>(record: T) => z.record(recordId, record);
const anyMap = z.record(z.string(), z.json());
const int = (min: number, max: number) => z.number().int(`A whole number from ${min} to ${max}.`).min(min).max(max);
const number = (min: number, max: number) => z.number().min(min).max(max);

const stakeholder = z.looseObject({
  name: line.trim().min(1, 'A stakeholder needs a name.'),
  title: line.optional(),
  department: line.optional(),
  email: line.optional(),
  role: z.enum(STAKEHOLDER_ROLES).nullable().optional(),
  profile: z.enum(STAKEHOLDER_PROFILES).optional(),
  influence: int(INFLUENCE_MIN, INFLUENCE_MAX).optional(),
  stance: int(STANCE_MIN, STANCE_MAX).optional(),
  commitment: z.enum(COMMITMENT_STAGES).optional(),
  reportsTo: ref.optional(),
  priorities: prose.optional(),
  order: order.optional(),
});

const sharedSchema = z.looseObject({
  meta: z
    .looseObject({
      title: line.optional(),
      buyer: line.optional(),
      seller: line.optional(),
      schemaVersion: z.literal(1).optional(),
    })
    .optional(),
  stakeholders: records(stakeholder).optional(),
  relationships: records(
    z.looseObject({ from: recordId, to: recordId, kind: z.enum(RELATIONSHIP_KINDS), note: prose.optional() }),
  ).optional(),
  options: records(
    z.looseObject({
      name: line.min(1, 'An option needs a name.'),
      isStatusQuo: z.boolean().optional(),
      order: order.optional(),
    }),
  ).optional(),
  criteria: records(
    z.looseObject({
      name: line.min(1, 'A criterion needs a name.'),
      description: prose.optional(),
      weight: number(0, WEIGHT_MAX).optional(),
      kind: z.enum(CRITERION_KINDS).optional(),
      mandatory: z.boolean().optional(),
      owner: ref.optional(),
      scores: z.record(recordId, number(0, SCORE_MAX)).optional(),
      weightsByStakeholder: z.record(recordId, number(0, WEIGHT_MAX)).optional(),
      order: order.optional(),
    }),
  ).optional(),
  objections: records(
    z.looseObject({
      title: line.min(1, 'An objection needs a title.'),
      raisedBy: ref.optional(),
      category: z.enum(OBJECTION_CATEGORIES).optional(),
      response: prose.optional(),
      evidence: prose.optional(),
      status: z.enum(OBJECTION_STATUSES).optional(),
      owner: z.enum(OBJECTION_OWNERS).optional(),
      order: order.optional(),
    }),
  ).optional(),
  plan: z
    .partialRecord(
      z.enum(PLAN_STAGE_IDS),
      z.looseObject({
        verifiers: records(
          z.looseObject({
            text: prose,
            done: z.boolean().optional(),
            doneBy: line.nullable().optional(),
            doneAt: line.nullable().optional(),
            order: order.optional(),
          }),
        ).optional(),
      }),
    )
    .optional(),
  guides: records(
    z.looseObject({
      summary: prose.optional(),
      keyMessages: prose.optional(),
      asks: prose.optional(),
      objectionIds: z.array(recordId).optional(),
    }),
  ).optional(),
  voices: anyMap.optional(),
  workshops: anyMap.optional(),
  coaching: anyMap.optional(),
  negotiables: anyMap.optional(),
  mentalModel: anyMap.optional(),
});

const notesDoc = {
  notes: prose.optional(),
  stakeholderNotes: z.record(recordId, prose).optional(),
};

const sellerSchema = z.looseObject({
  ...notesDoc,
  blockerPlans: records(
    z.looseObject({
      persuadableByOthers: z.boolean().nullable().optional(),
      reasonable: z.boolean().nullable().optional(),
      specialConcern: prose.optional(),
      action: z.enum(BLOCKER_ACTIONS).nullable().optional(),
    }),
  ).optional(),
  insight: z
    .looseObject({
      problem: prose.optional(),
      missing: prose.optional(),
      approach: prose.optional(),
      breaksNodeIds: z.array(recordId).optional(),
    })
    .optional(),
  mobilizerTests: anyMap.optional(),
  qualification: anyMap.optional(),
});

const buyerSchema = z.looseObject(notesDoc);

const dealSchema = z.object({
  format: z.literal(DEAL_EXPORT_FORMAT, `Not a Quorum deal export (format must be "${DEAL_EXPORT_FORMAT}").`),
  version: z.literal(DEAL_EXPORT_VERSION, `Only version ${DEAL_EXPORT_VERSION} of the export format can be imported.`),
  deal: z.object({
    title: line.trim().min(1, 'The deal needs a title.').max(200),
    buyer: line.trim().min(1, 'The deal needs a buyer company.').max(200),
  }),
  shared: sharedSchema,
  seller: sellerSchema.optional(),
  buyer: buyerSchema.optional(),
});

/** Ids a merge may refer to that the deal already holds. */
export interface ExistingIds {
  stakeholders?: Iterable<string>;
  options?: Iterable<string>;
  objections?: Iterable<string>;
}

/**
 * Checks an exported deal before it is imported, and returns every problem with its path: the envelope
 * (`format`, `version`, `deal`), each known field's type and range (the vocabularies of section 2), and each
 * reference (`reportsTo`, `owner`, `raisedBy`, relationship ends, scores' options, weights' stakeholders, a
 * guide's stakeholder and objections) to a record of the import or of `existing` (the deal merged into).
 * Fields the schema does not name are accepted as they are (DESIGN.md: "add fields freely").
 */
export function validateDealJson(input: unknown, existing: ExistingIds = {}): Validated<DealJson> {
  const parsed = dealSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    };
  }
  const value = parsed.data as DealJson;
  const problems = danglingReferences(value.shared, existing);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

type Rec = Record<string, Record<string, unknown>>;

function danglingReferences(shared: DocumentJson, existing: ExistingIds): ImportProblem[] {
  const ids = (name: 'stakeholders' | 'options' | 'objections') =>
    new Set([...Object.keys((shared[name] as Rec | undefined) ?? {}), ...(existing[name] ?? [])]);
  const stakeholders = ids('stakeholders');
  const options = ids('options');
  const objections = ids('objections');
  const problems: ImportProblem[] = [];
  const check = (path: string, id: unknown, known: Set<string>, what: string) => {
    if (typeof id === 'string' && !known.has(id)) problems.push({ path, message: `No ${what} has the id ${id}.` });
  };
  const each = (name: string, visit: (id: string, record: Record<string, unknown>) => void) => {
    for (const [id, record] of Object.entries((shared[name] as Rec | undefined) ?? {})) visit(id, record);
  };
  each('stakeholders', (id, s) =>
    check(`shared.stakeholders.${id}.reportsTo`, s.reportsTo, stakeholders, 'stakeholder'),
  );
  each('relationships', (id, r) => {
    check(`shared.relationships.${id}.from`, r.from, stakeholders, 'stakeholder');
    check(`shared.relationships.${id}.to`, r.to, stakeholders, 'stakeholder');
  });
  each('criteria', (id, c) => {
    check(`shared.criteria.${id}.owner`, c.owner, stakeholders, 'stakeholder');
    for (const option of Object.keys((c.scores as object | undefined) ?? {})) {
      check(`shared.criteria.${id}.scores.${option}`, option, options, 'option');
    }
    for (const person of Object.keys((c.weightsByStakeholder as object | undefined) ?? {})) {
      check(`shared.criteria.${id}.weightsByStakeholder.${person}`, person, stakeholders, 'stakeholder');
    }
  });
  each('objections', (id, o) => check(`shared.objections.${id}.raisedBy`, o.raisedBy, stakeholders, 'stakeholder'));
  each('guides', (id, g) => {
    check(`shared.guides.${id}`, id, stakeholders, 'stakeholder');
    (g.objectionIds as string[] | undefined)?.forEach((objection, i) => {
      check(`shared.guides.${id}.objectionIds.${i}`, objection, objections, 'objection');
    });
  });
  return problems;
}
