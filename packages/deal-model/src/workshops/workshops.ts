import * as Y from 'yjs';
import { updateCriterion } from '../criteria/index.ts';
import {
  createRecord,
  getRecord,
  readBoolean,
  readEnum,
  readNumber,
  readRecords,
  readString,
  recordText,
  reorderRecord,
  requireRecord,
  transactOn,
  updateRecord,
  type YRecord,
  type YRecordMap,
} from '../records/index.ts';
import { type SharedMaps, sharedMaps } from '../shared-doc/shared-maps.ts';
import {
  AGENDA_PHASES,
  type AgendaPhase,
  type AgendaSource,
  assertInRange,
  assertOneOf,
  parseAgendaSource,
  WEIGHT_MAX,
} from '../vocabulary/index.ts';
import { suggestAgenda } from './suggest-agenda.ts';

/** One item of a workshop's agenda as a plain snapshot. */
export interface AgendaItem {
  id: string;
  text: string;
  phase: AgendaPhase;
  /** What it was drawn from; a reference to a record no longer there reads as `custom`. */
  source: AgendaSource;
  /** Ticked off during the meeting. */
  done: boolean;
  order: number;
}

/** A collective-learning workshop (DESIGN.md 7c) as a plain snapshot. */
export interface Workshop {
  id: string;
  title: string;
  /** ISO 8601, or null while not yet scheduled. */
  date: string | null;
  /** Ids of existing stakeholders, in the order they were added, without duplicates. */
  attendees: string[];
  /** Sorted by `order`. */
  agenda: AgendaItem[];
  /** What the meeting agreed (the `outcome` Y.Text as a string). */
  outcome: string;
  order: number;
}

/** Fields of a new workshop; everything but `title` has a default. */
export interface WorkshopInput {
  title: string;
  /** ISO 8601 or null (default null). */
  date?: string | null;
  /** Stakeholder ids (default none). */
  attendees?: readonly string[];
  outcome?: string;
  order?: number;
}

/** Fields to change on a workshop (`outcome` is applied to its Y.Text as a minimal edit). */
export type WorkshopPatch = Partial<Pick<WorkshopInput, 'title' | 'date' | 'outcome'>>;

/** Fields of a new agenda item; everything but `text` has a default. */
export interface AgendaItemInput {
  text: string;
  /** Default `explore`. */
  phase?: AgendaPhase;
  /** Default `custom`. */
  source?: AgendaSource;
  done?: boolean;
  order?: number;
}

/** Fields to change on an agenda item. */
export type AgendaItemPatch = Partial<Omit<AgendaItemInput, 'order'>>;

/** What {@link createWorkshop} needs. */
export interface CreateWorkshopInput extends Omit<WorkshopInput, 'order'> {
  /** Write the agenda {@link suggestAgenda} draws from the evidence (default false: an empty agenda). */
  suggested?: boolean;
}

function sourceExists(maps: SharedMaps, source: string): boolean {
  if (source === 'custom') return true;
  const parsed = parseAgendaSource(source);
  if (!parsed) return false;
  const within = { criterion: maps.criteria, objection: maps.objections, voice: maps.stakeholders }[parsed.kind];
  return within.has(parsed.id);
}

function validateWorkshop(doc: Y.Doc, patch: WorkshopPatch & { attendees?: readonly string[] }): void {
  if (patch.title !== undefined && typeof patch.title !== 'string') throw new RangeError('title must be a string');
  if (patch.outcome !== undefined && typeof patch.outcome !== 'string') {
    throw new RangeError('outcome must be a string');
  }
  if (patch.date !== undefined && patch.date !== null) {
    if (typeof patch.date !== 'string' || Number.isNaN(Date.parse(patch.date))) {
      throw new RangeError(`date must be an ISO 8601 date or null; got ${String(patch.date)}`);
    }
  }
  const { stakeholders } = sharedMaps(doc);
  for (const id of patch.attendees ?? []) {
    if (!getRecord(stakeholders, id)) throw new RangeError(`attendees: unknown stakeholder ${id}`);
  }
}

function validateItem(doc: Y.Doc, patch: AgendaItemPatch): void {
  if (patch.text !== undefined && typeof patch.text !== 'string') throw new RangeError('text must be a string');
  if (patch.phase !== undefined) assertOneOf('phase', patch.phase, AGENDA_PHASES);
  if (patch.done !== undefined && typeof patch.done !== 'boolean') throw new RangeError('done must be a boolean');
  if (patch.source !== undefined) {
    if (patch.source !== 'custom' && !parseAgendaSource(patch.source)) {
      throw new RangeError(`source must be criterion:<id>, objection:<id>, voice:<id> or custom; got ${patch.source}`);
    }
    if (!sourceExists(sharedMaps(doc), patch.source)) throw new RangeError(`source: unknown ${patch.source}`);
  }
}

function agendaOf(workshop: YRecord): YRecordMap {
  const agenda = workshop.get('agenda');
  if (agenda instanceof Y.Map) return agenda as YRecordMap;
  const created = new Y.Map<YRecord>();
  workshop.set('agenda', created);
  return created;
}

function attendeesOf(workshop: YRecord): Y.Array<string> {
  const attendees = workshop.get('attendees');
  if (attendees instanceof Y.Array) return attendees as Y.Array<string>;
  const created = new Y.Array<string>();
  workshop.set('attendees', created);
  return created;
}

const requireWorkshop = (doc: Y.Doc, id: string): YRecord => requireRecord(sharedMaps(doc).workshops, id, 'workshop');

/** Adds a workshop (empty agenda) and returns its id. */
export function addWorkshop(doc: Y.Doc, input: WorkshopInput): string {
  validateWorkshop(doc, input);
  return createRecord(
    sharedMaps(doc).workshops,
    {
      title: input.title,
      date: input.date ?? null,
      attendees: Y.Array.from([...new Set(input.attendees ?? [])]),
      agenda: new Y.Map<YRecord>(),
      outcome: input.outcome ?? '',
      order: input.order,
    },
    { textFields: ['outcome'] },
  );
}

/** Changes a workshop's title, date or outcome. */
export function updateWorkshop(doc: Y.Doc, id: string, patch: WorkshopPatch): void {
  validateWorkshop(doc, patch);
  const { title, date, outcome } = patch;
  updateRecord(sharedMaps(doc).workshops, id, 'workshop', { title, date, outcome });
}

/** Removes a workshop with its agenda. */
export function removeWorkshop(doc: Y.Doc, id: string): void {
  sharedMaps(doc).workshops.delete(id);
}

/** Replaces a workshop's attendees (existing stakeholder ids; duplicates dropped), in one transaction. */
export function setWorkshopAttendees(doc: Y.Doc, id: string, attendees: readonly string[]): void {
  const workshop = requireWorkshop(doc, id);
  validateWorkshop(doc, { attendees });
  transactOn(workshop, () => {
    const list = attendeesOf(workshop);
    list.delete(0, list.length);
    list.push([...new Set(attendees)]);
  });
}

/** The `outcome` Y.Text of a workshop, for a collaborative editor. */
export function workshopOutcome(doc: Y.Doc, id: string): Y.Text {
  return recordText(sharedMaps(doc).workshops, id, 'workshop', 'outcome');
}

/** Adds an item to a workshop's agenda (after the last one unless `order` is given) and returns its id. */
export function addAgendaItem(doc: Y.Doc, workshopId: string, input: AgendaItemInput): string {
  const workshop = requireWorkshop(doc, workshopId);
  validateItem(doc, input);
  let id = '';
  transactOn(workshop, () => {
    id = createRecord(agendaOf(workshop), {
      text: input.text,
      phase: input.phase ?? 'explore',
      source: input.source ?? 'custom',
      done: input.done ?? false,
      order: input.order,
    });
  });
  return id;
}

/** Changes an agenda item's text, phase, source or done. */
export function updateAgendaItem(doc: Y.Doc, workshopId: string, itemId: string, patch: AgendaItemPatch): void {
  validateItem(doc, patch);
  const { text, phase, source, done } = patch;
  updateRecord(agendaOf(requireWorkshop(doc, workshopId)), itemId, 'agenda item', { text, phase, source, done });
}

/** Ticks an agenda item off during the meeting (or un-ticks it with `done = false`). */
export function tickAgendaItem(doc: Y.Doc, workshopId: string, itemId: string, done = true): void {
  updateAgendaItem(doc, workshopId, itemId, { done });
}

/** Moves an agenda item to position `toIndex` of the agenda. */
export function reorderAgendaItem(doc: Y.Doc, workshopId: string, itemId: string, toIndex: number): void {
  reorderRecord(agendaOf(requireWorkshop(doc, workshopId)), itemId, 'agenda item', toIndex);
}

/** Removes an agenda item. */
export function removeAgendaItem(doc: Y.Doc, workshopId: string, itemId: string): void {
  const agenda = requireWorkshop(doc, workshopId).get('agenda');
  if (agenda instanceof Y.Map) agenda.delete(itemId);
}

/**
 * Creates a workshop in one transaction; with `suggested`, its agenda is the one {@link suggestAgenda}
 * draws from the shared document's evidence. Returns its id.
 */
export function createWorkshop(doc: Y.Doc, { suggested = false, ...input }: CreateWorkshopInput): string {
  let id = '';
  doc.transact(() => {
    id = addWorkshop(doc, input);
    if (suggested) for (const item of suggestAgenda(doc)) addAgendaItem(doc, id, item);
  });
  return id;
}

/** The meeting agreed a criterion's weight (0–100): sets the criterion's `weight`. */
export function agreeWeight(doc: Y.Doc, criterionId: string, weight: number): void {
  assertInRange('weight', weight, 0, WEIGHT_MAX);
  updateCriterion(doc, criterionId, { weight });
}

function readWorkshopRecord(maps: SharedMaps, id: string, record: YRecord): Workshop {
  const attendees = record.get('attendees');
  const seen = new Set<string>();
  if (attendees instanceof Y.Array) {
    for (const value of attendees.toArray()) {
      if (typeof value === 'string' && maps.stakeholders.has(value)) seen.add(value);
    }
  }
  const agenda = record.get('agenda');
  const date = record.get('date');
  return {
    id,
    title: readString(record, 'title'),
    date: typeof date === 'string' && date ? date : null,
    attendees: [...seen],
    agenda:
      agenda instanceof Y.Map
        ? readRecords(agenda as YRecordMap, (itemId, item) => {
            const source = readString(item, 'source', 'custom');
            return {
              id: itemId,
              text: readString(item, 'text'),
              phase: readEnum(item, 'phase', AGENDA_PHASES, 'explore'),
              source: sourceExists(maps, source) ? (source as AgendaSource) : 'custom',
              done: readBoolean(item, 'done', false),
              order: readNumber(item, 'order', 0),
            };
          })
        : [],
    outcome: readString(record, 'outcome'),
    order: readNumber(record, 'order', 0),
  };
}

/** Every workshop, sorted by `order`, each with its agenda sorted by `order`. */
export function readWorkshops(doc: Y.Doc): Workshop[] {
  const maps = sharedMaps(doc);
  return readRecords(maps.workshops, (id, record) => readWorkshopRecord(maps, id, record));
}

/** One workshop, or undefined. */
export function readWorkshop(doc: Y.Doc, id: string): Workshop | undefined {
  const maps = sharedMaps(doc);
  const record = getRecord(maps.workshops, id);
  return record && readWorkshopRecord(maps, id, record);
}
