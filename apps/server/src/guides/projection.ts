import * as Y from 'yjs';

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

function textOf(value: unknown): string {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : '';
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function mapOf(parent: Y.Map<unknown>, key: string): Y.Map<unknown> | undefined {
  const value = parent.get(key);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined;
}

function objectionOf(record: Y.Map<unknown>): GuideObjection {
  return {
    title: stringOf(record.get('title')),
    response: textOf(record.get('response')),
    evidence: textOf(record.get('evidence')),
  };
}

function orderOf(record: Y.Map<unknown>): number {
  const order = record.get('order');
  return typeof order === 'number' && Number.isFinite(order) ? order : Number.MAX_SAFE_INTEGER;
}

/**
 * The projection of one stakeholder's guide, or `null` when the stakeholder is no longer on the map.
 * Objections appear in the order the guide lists them; ids that no longer exist are skipped.
 */
export function projectStakeholderGuide(shared: Y.Doc, stakeholderId: string): StakeholderGuideProjection | null {
  const stakeholder = mapOf(shared.getMap('stakeholders'), stakeholderId);
  if (!stakeholder) return null;
  const guide = mapOf(shared.getMap('guides'), stakeholderId);
  const objections = shared.getMap('objections');
  const listed = guide?.get('objectionIds');
  const ids = listed instanceof Y.Array ? (listed.toArray() as unknown[]) : [];
  const seen = new Set<string>();
  const included: GuideObjection[] = [];
  for (const id of ids) {
    if (typeof id !== 'string' || seen.has(id)) continue;
    seen.add(id);
    const record = mapOf(objections, id);
    if (record) included.push(objectionOf(record));
  }
  return {
    kind: 'stakeholder',
    organization: stringOf(shared.getMap('meta').get('buyer')),
    stakeholder: { name: stringOf(stakeholder.get('name')), title: stringOf(stakeholder.get('title')) },
    summary: textOf(guide?.get('summary')),
    keyMessages: textOf(guide?.get('keyMessages')),
    asks: textOf(guide?.get('asks')),
    objections: included,
  };
}

/** The projection of the deal's objection handling guide: every objection, in the room's order. */
export function projectObjectionGuide(shared: Y.Doc): ObjectionGuideProjection {
  const records: Y.Map<unknown>[] = [];
  for (const value of shared.getMap('objections').values()) {
    if (value instanceof Y.Map) records.push(value as Y.Map<unknown>);
  }
  records.sort((a, b) => orderOf(a) - orderOf(b));
  return {
    kind: 'objections',
    organization: stringOf(shared.getMap('meta').get('buyer')),
    objections: records.map(objectionOf),
  };
}
