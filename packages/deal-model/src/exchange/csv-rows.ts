import type * as Y from 'yjs';
import { z } from 'zod';
import { readCriteria } from '../criteria/index.ts';
import { createRecord, getRecord, newId, readString, transactOn, updateRecord } from '../records/index.ts';
import { sharedMaps } from '../shared-doc/shared-maps.ts';
import { readStakeholders } from '../stakeholders/index.ts';
import {
  COMMITMENT_STAGES,
  INFLUENCE_MAX,
  INFLUENCE_MIN,
  STAKEHOLDER_PROFILES,
  STAKEHOLDER_ROLES,
  STANCE_MAX,
  STANCE_MIN,
} from '../vocabulary/index.ts';

/** The stakeholder CSV's columns (CRM-shaped): `reportsTo` holds a name. */
export const STAKEHOLDER_CSV_COLUMNS = [
  'name',
  'title',
  'department',
  'email',
  'role',
  'profile',
  'influence',
  'stance',
  'commitment',
  'reportsTo',
] as const;
/** The criteria CSV's columns: `owner` holds a stakeholder's name. */
export const CRITERIA_CSV_COLUMNS = ['name', 'description', 'weight', 'kind', 'mandatory', 'owner'] as const;

/** A stakeholder CSV column. */
export type StakeholderCsvColumn = (typeof STAKEHOLDER_CSV_COLUMNS)[number];
/** A CSV row: column → cell text. */
export type CsvRow = Record<string, string>;

/** One cell that cannot be imported: `row` counts like a spreadsheet (the header is row 1). */
export interface CsvProblem {
  row: number;
  column: string;
  message: string;
}

/** The outcome of reading CSV rows: the value, or every bad cell. */
export type ValidatedRows<T> = { ok: true; value: T } | { ok: false; problems: CsvProblem[] };

/** The deal's stakeholders as CSV rows, in their order. */
export function stakeholdersToCsvRows(doc: Y.Doc): Record<StakeholderCsvColumn, string>[] {
  const { stakeholders } = sharedMaps(doc);
  const list = readStakeholders(doc);
  const names = new Map(list.map((s) => [s.id, s.name]));
  return list.map((s) => ({
    name: s.name,
    title: s.title,
    department: s.department,
    email: readString(getRecord(stakeholders, s.id)!, 'email'),
    role: s.role ?? '',
    profile: s.profile,
    influence: String(s.influence),
    stance: String(s.stance),
    commitment: s.commitment,
    reportsTo: s.reportsTo ? (names.get(s.reportsTo) ?? '') : '',
  }));
}

/** The deal's criteria as CSV rows, in their order. */
export function criteriaToCsvRows(doc: Y.Doc): Record<(typeof CRITERIA_CSV_COLUMNS)[number], string>[] {
  const names = new Map(readStakeholders(doc).map((s) => [s.id, s.name]));
  return readCriteria(doc).map((c) => ({
    name: c.name,
    description: c.description,
    weight: String(c.weight),
    kind: c.kind,
    mandatory: String(c.mandatory),
    owner: c.owner ? (names.get(c.owner) ?? '') : '',
  }));
}

/** A stakeholder to write: a new one (with a new id) or an existing one matched by name and title. */
export interface StakeholderUpsert {
  id: string;
  isNew: boolean;
  /** The fields the row gave (blank cells are left out, so an update keeps what the deal has). */
  fields: Partial<{
    name: string;
    title: string;
    department: string;
    email: string;
    role: (typeof STAKEHOLDER_ROLES)[number];
    profile: (typeof STAKEHOLDER_PROFILES)[number];
    influence: number;
    stance: number;
    commitment: (typeof COMMITMENT_STAGES)[number];
    reportsTo: string;
  }>;
}

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const cell = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
const whole = (column: string, min: number, max: number) =>
  cell(
    z.coerce
      .number({ error: `${column} must be a number from ${min} to ${max}.` })
      .int(`${column} must be a whole number from ${min} to ${max}.`)
      .min(min, `${column} must be from ${min} to ${max}.`)
      .max(max, `${column} must be from ${min} to ${max}.`),
  );
const choice = <T extends readonly [string, ...string[]]>(column: string, values: T) =>
  cell(z.enum(values, { error: `${column} must be one of: ${values.join(', ')}.` }));
const short = (column: string) => cell(z.string().trim().max(500, `${column} must be at most 500 characters.`));

const stakeholderRow = z.object({
  name: z.preprocess(
    blank,
    z.string({ error: 'Every stakeholder needs a name.' }).trim().max(500, 'name must be at most 500 characters.'),
  ),
  title: short('title'),
  department: short('department'),
  email: cell(
    z
      .string()
      .trim()
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'email must be an email address.'),
  ),
  role: choice('role', STAKEHOLDER_ROLES),
  profile: choice('profile', STAKEHOLDER_PROFILES),
  influence: whole('influence', INFLUENCE_MIN, INFLUENCE_MAX),
  stance: whole('stance', STANCE_MIN, STANCE_MAX),
  commitment: choice('commitment', COMMITMENT_STAGES),
  reportsTo: short('reportsTo'),
});

/** A header cell as a column name: case, spaces, `_` and `-` do not matter (`Reports to` is `reportsTo`). */
export function csvColumn(header: string): string {
  const key = header.toLowerCase().replace(/[\s_-]/g, '');
  return STAKEHOLDER_CSV_COLUMNS.find((column) => column.toLowerCase() === key) ?? header.trim();
}

const matchKey = (name: string, title: string | undefined) =>
  `${name.trim().toLowerCase()}\u0000${(title ?? '').trim().toLowerCase()}`;

/**
 * Reads stakeholder CSV rows (columns as {@link csvColumn} names them; unknown columns are ignored) into what to
 * write: a row whose name and title match an existing stakeholder (case-insensitively) updates it, any other row
 * adds one. `reportsTo` names a stakeholder of the file or of the deal. Every bad cell is returned (all or nothing).
 */
export function csvRowsToStakeholders(
  rows: readonly CsvRow[],
  existing: readonly { id: string; name: string; title: string }[] = [],
): ValidatedRows<StakeholderUpsert[]> {
  const problems: CsvProblem[] = [];
  const byKey = new Map(existing.map((s) => [matchKey(s.name, s.title), s.id]));
  const upserts: StakeholderUpsert[] = [];
  const reportsTo: Array<string | undefined> = [];
  rows.forEach((raw, index) => {
    const row = index + 2;
    const parsed = stakeholderRow.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ row, column: String(issue.path[0] ?? 'name'), message: issue.message });
      }
      return;
    }
    const { reportsTo: manager, ...fields } = parsed.data;
    const known = byKey.get(matchKey(fields.name, fields.title));
    const id = known ?? newId();
    if (!known) byKey.set(matchKey(fields.name, fields.title), id);
    // A match keeps the deal's own spelling of the name and title it was matched by.
    const given = Object.fromEntries(
      Object.entries(fields).filter(([key, v]) => v !== undefined && !(known && (key === 'name' || key === 'title'))),
    );
    upserts.push({ id, isNew: !known, fields: given as StakeholderUpsert['fields'] });
    reportsTo.push(manager);
  });
  // Names resolve against the file first, then the deal.
  const byName = new Map<string, string[]>();
  const addName = (name: string, id: string) => {
    const key = name.trim().toLowerCase();
    const ids = byName.get(key) ?? [];
    if (!ids.includes(id)) byName.set(key, [...ids, id]);
  };
  for (const s of existing) addName(s.name, s.id);
  for (const u of upserts) if (u.isNew && u.fields.name) addName(u.fields.name, u.id);
  if (problems.length === 0) {
    upserts.forEach((upsert, i) => {
      const manager = reportsTo[i];
      if (manager === undefined) return;
      const ids = byName.get(manager.trim().toLowerCase()) ?? [];
      const row = i + 2;
      if (ids.length === 0) problems.push({ row, column: 'reportsTo', message: `No stakeholder is named ${manager}.` });
      else if (ids.length > 1)
        problems.push({ row, column: 'reportsTo', message: `Several stakeholders are named ${manager}.` });
      else if (ids[0] === upsert.id)
        problems.push({ row, column: 'reportsTo', message: 'A stakeholder cannot report to themselves.' });
      else upsert.fields.reportsTo = ids[0];
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: upserts };
}

/** Writes {@link csvRowsToStakeholders}' result into the shared document in one transaction. */
export function upsertStakeholders(doc: Y.Doc, upserts: readonly StakeholderUpsert[]): void {
  const { stakeholders } = sharedMaps(doc);
  transactOn(stakeholders, () => {
    for (const { id, isNew, fields } of upserts) {
      if (!isNew && getRecord(stakeholders, id)) {
        updateRecord(stakeholders, id, 'stakeholder', fields);
        continue;
      }
      createRecord(
        stakeholders,
        {
          title: '',
          department: '',
          role: null,
          profile: 'unknown',
          influence: 3,
          stance: 0,
          commitment: 'unaware',
          reportsTo: null,
          priorities: '',
          ...fields,
        },
        { id, textFields: ['priorities'] },
      );
    }
  });
}
