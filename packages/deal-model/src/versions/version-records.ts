import type { DocumentJson } from '../exchange/doc-to-json.ts';
import { PLAN_STAGE_IDS } from '../vocabulary/index.ts';

/** What kind of record a version lists for restoring. */
export type VersionRecordKind = 'stakeholder' | 'criterion' | 'objection' | 'option' | 'workshop' | 'verifier';

/** One record of a past version that differs from today's document. */
export interface VersionRecord {
  kind: VersionRecordKind;
  /** Where it lives in the shared document (for `restoreRecord`). */
  path: string[];
  /** Its name, title or text in the version. */
  label: string;
  /** `deleted`: gone today; `changed`: still there with other content. */
  state: 'deleted' | 'changed';
  /** Its JSON in the version. */
  value: unknown;
}

const COLLECTIONS: ReadonlyArray<{ map: string; kind: VersionRecordKind; label: string }> = [
  { map: 'stakeholders', kind: 'stakeholder', label: 'name' },
  { map: 'criteria', kind: 'criterion', label: 'name' },
  { map: 'objections', kind: 'objection', label: 'title' },
  { map: 'options', kind: 'option', label: 'name' },
  { map: 'workshops', kind: 'workshop', label: 'title' },
];

/**
 * The records of a past version's shared document that today's shared document lost or changed: the deleted ones
 * first, then the changed ones, each in the version's order (collections as listed, each by its records' `order`;
 * verifiers stage by stage): what a person can
 * restore one by one. Records added since are not listed (restoring the whole document removes them).
 */
export function versionRecords(version: DocumentJson, current: DocumentJson): VersionRecord[] {
  const out: VersionRecord[] = [];
  const compare = (kind: VersionRecordKind, path: string[], then: unknown, now: unknown, labelKey: string) => {
    if (same(then, now)) return;
    const label = typeof field(then, labelKey) === 'string' ? (field(then, labelKey) as string) : '';
    out.push({ kind, path, label: label || 'Untitled', state: now === undefined ? 'deleted' : 'changed', value: then });
  };
  for (const { map, kind, label } of COLLECTIONS) {
    const then = records(version[map]);
    const now = records(current[map]);
    for (const [id, value] of ordered(then)) compare(kind, [map, id], value, now[id], label);
  }
  for (const stage of PLAN_STAGE_IDS) {
    const then = records(field(field(version.plan, stage), 'verifiers'));
    const now = records(field(field(current.plan, stage), 'verifiers'));
    for (const [id, value] of ordered(then))
      compare('verifier', ['plan', stage, 'verifiers', id], value, now[id], 'text');
  }
  // What was deleted comes first: a removal also changes the records that referred to it (listed after it).
  return [...out.filter((r) => r.state === 'deleted'), ...out.filter((r) => r.state === 'changed')];
}

/** The JSON at `path` of a document's JSON, or undefined. */
export function valueAt(json: DocumentJson, path: readonly string[]): unknown {
  let value: unknown = json;
  for (const key of path) value = field(value, key);
  return value;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function records(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function ordered(map: Record<string, unknown>): Array<[string, unknown]> {
  const order = (value: unknown) => {
    const o = field(value, 'order');
    return typeof o === 'number' ? o : 0;
  };
  return Object.entries(map).sort(([, a], [, b]) => order(a) - order(b));
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
