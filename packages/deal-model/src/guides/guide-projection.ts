import type * as Y from 'yjs';
import { readObjections } from '../objections/index.ts';
import { readMeta } from '../shared-doc/meta.ts';
import { readStakeholder } from '../stakeholders/index.ts';
import type { ObjectionCategory, ObjectionStatus } from '../vocabulary/index.ts';
import { readGuide } from './guides.ts';

/** An objection as a guide reader may see it: no raiser, no owner. */
export interface PublicObjection {
  id: string;
  title: string;
  category: ObjectionCategory;
  status: ObjectionStatus;
  response: string;
  evidence: string;
}

/**
 * What a guide link may show (DESIGN.md section 5.5): the guide, the stakeholder's name and title, and
 * the objections it lists. Never profile, stance, commitment, influence or any note.
 */
export interface GuideProjection {
  dealTitle: string;
  buyer: string;
  stakeholder: { name: string; title: string };
  summary: string;
  keyMessages: string;
  asks: string;
  objections: PublicObjection[];
}

function toPublic({ id, title, category, status, response, evidence }: PublicObjection): PublicObjection {
  return { id, title, category, status, response, evidence };
}

/** The projection behind a stakeholder guide link, or undefined when the stakeholder or guide is gone. */
export function projectGuide(doc: Y.Doc, stakeholderId: string): GuideProjection | undefined {
  const stakeholder = readStakeholder(doc, stakeholderId);
  const guide = readGuide(doc, stakeholderId);
  if (!stakeholder || !guide) return undefined;
  const byId = new Map(readObjections(doc).map((o) => [o.id, o]));
  const meta = readMeta(doc);
  return {
    dealTitle: meta.title,
    buyer: meta.buyer,
    stakeholder: { name: stakeholder.name, title: stakeholder.title },
    summary: guide.summary,
    keyMessages: guide.keyMessages,
    asks: guide.asks,
    objections: guide.objectionIds.flatMap((id) => {
      const objection = byId.get(id);
      return objection ? [toPublic(objection)] : [];
    }),
  };
}

/** What an objection handling guide link may show: every objection's title, category, status, response, evidence. */
export interface ObjectionGuideProjection {
  dealTitle: string;
  buyer: string;
  objections: PublicObjection[];
}

/** The projection behind the deal's objection handling guide link, sorted by objection order. */
export function projectObjectionGuide(doc: Y.Doc): ObjectionGuideProjection {
  const meta = readMeta(doc);
  return { dealTitle: meta.title, buyer: meta.buyer, objections: readObjections(doc).map(toPublic) };
}
