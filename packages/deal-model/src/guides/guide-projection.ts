import type * as Y from 'yjs';
import { hasTitle, type Objection, readObjections } from '../objections/index.ts';
import { readMeta } from '../shared-doc/meta.ts';
import { readStakeholder } from '../stakeholders/index.ts';
import { readGuide } from './guides.ts';

/** One objection as a guide shows it: never who raised it, its status or its owner. */
export interface GuideObjection {
  title: string;
  response: string;
  evidence: string;
}

/**
 * Everything the page behind a stakeholder guide link may show, and nothing else: the guide's own text,
 * the stakeholder's name and title, the objections the guide lists, and the buyer company's name.
 */
export interface StakeholderGuideProjection {
  kind: 'stakeholder';
  organization: string;
  stakeholder: { name: string; title: string };
  summary: string;
  keyMessages: string;
  asks: string;
  objections: GuideObjection[];
}

/** Everything the page behind an objection guide link may show: every objection, with its response and evidence. */
export interface ObjectionGuideProjection {
  kind: 'objections';
  organization: string;
  objections: GuideObjection[];
}

/** What a guide link shows. Built from the shared document only; see DESIGN.md section 5, rule 5. */
export type GuideProjection = StakeholderGuideProjection | ObjectionGuideProjection;

function publicObjection({ title, response, evidence }: Objection): GuideObjection {
  return { title, response, evidence };
}

/**
 * The projection of one stakeholder's guide, or `null` when the stakeholder is no longer on the map
 * (a stakeholder with no guide yet gets an empty one). Objections appear in the order the guide lists
 * them; ids that no longer exist and untitled objections (drafts) are skipped. Read through the model's readers, then narrowed to the
 * fields a guide shows.
 */
export function projectStakeholderGuide(shared: Y.Doc, stakeholderId: string): StakeholderGuideProjection | null {
  const stakeholder = readStakeholder(shared, stakeholderId);
  if (!stakeholder) return null;
  const guide = readGuide(shared, stakeholderId);
  const byId = new Map(readObjections(shared).map((objection) => [objection.id, objection]));
  return {
    kind: 'stakeholder',
    organization: readMeta(shared).buyer,
    stakeholder: { name: stakeholder.name, title: stakeholder.title },
    summary: guide?.summary ?? '',
    keyMessages: guide?.keyMessages ?? '',
    asks: guide?.asks ?? '',
    objections: (guide?.objectionIds ?? []).flatMap((id) => {
      const objection = byId.get(id);
      return objection && hasTitle(objection) ? [publicObjection(objection)] : [];
    }),
  };
}

/**
 * The projection of the deal's objection handling guide: every titled objection, in the room's order
 * (an untitled objection is a draft: never published).
 */
export function projectObjectionGuide(shared: Y.Doc): ObjectionGuideProjection {
  return {
    kind: 'objections',
    organization: readMeta(shared).buyer,
    objections: readObjections(shared).filter(hasTitle).map(publicObjection),
  };
}
