import {
  COMMITMENT_STAGE_LABELS,
  OBJECTION_STATUS_LABELS,
  STAKEHOLDER_ROLE_LABELS,
  STANCE_LABELS,
} from '../vocabulary/index.ts';
import type { ActivityRecordType, ActivityRoom } from './record-refs.ts';

/** What happened to a record, for filtering and icons. */
export type ActivityKind = 'added' | 'removed' | 'changed' | 'ticked' | 'unticked' | 'answered';

/** A record before and after a change (plain JSON as `readRecord` gives it; undefined: it did not exist). */
export interface RecordChange {
  room: ActivityRoom;
  recordType: ActivityRecordType;
  recordId: string;
  before: unknown;
  after: unknown;
}

/** What the words may name besides the change itself. */
export interface DescribeContext {
  /** Who made the change ("Mara Jensen"); null for a server-side write (a stakeholder's own answer). */
  actor: string | null;
  /** A stakeholder's name by id, from the shared document (undefined when unknown). */
  stakeholderName(id: string): string | undefined;
}

/** A change in words: "Mara raised Henrik's influence to 4". */
export interface ActivityDescription {
  kind: ActivityKind;
  words: string;
}

type Fields = Record<string, unknown>;

const asFields = (value: unknown): Fields | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : undefined;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Quotes a name a person typed, shortened: “Too expensive”. */
function quoted(value: unknown, fallback: string): string {
  const name = text(value);
  if (!name) return fallback;
  return `“${name.length > 60 ? `${name.slice(0, 59)}…` : name}”`;
}

const possessive = (name: string): string => (name.endsWith('s') ? `${name}’` : `${name}’s`);

/** Joins phrases: "a", "a and b", "a, b and c"; more than three end with "and made N more changes". */
function joinPhrases(phrases: string[]): string {
  const shown = phrases.length > 3 ? [...phrases.slice(0, 2), `made ${phrases.length - 2} more changes`] : phrases;
  if (shown.length === 1) return shown[0]!;
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/** The fields whose value differs between two versions of a record (ignoring list order positions). */
function changedFields(before: Fields, after: Fields): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => key !== 'order' && !same(before[key], after[key]));
}

function stakeholderPhrases(name: string, before: Fields, after: Fields, ctx: DescribeContext): string[] {
  const whose = possessive(name);
  return changedFields(before, after).map((field) => {
    const value = after[field];
    switch (field) {
      case 'influence': {
        const from = Number(before[field]);
        const to = Number(value);
        if (Number.isFinite(from) && Number.isFinite(to)) {
          return `${to > from ? 'raised' : 'lowered'} ${whose} influence to ${to}`;
        }
        return `set ${whose} influence to ${to}`;
      }
      case 'stance': {
        const label = STANCE_LABELS[value as -2 | -1 | 0 | 1 | 2];
        return label ? `moved ${whose} stance to ${label.toLowerCase()}` : `changed ${whose} stance`;
      }
      case 'commitment': {
        const label = COMMITMENT_STAGE_LABELS[value as keyof typeof COMMITMENT_STAGE_LABELS];
        return label ? `moved ${whose} commitment to ${label.toLowerCase()}` : `changed ${whose} commitment`;
      }
      case 'role': {
        const label = STAKEHOLDER_ROLE_LABELS[value as keyof typeof STAKEHOLDER_ROLE_LABELS];
        return label ? `set ${whose} role to ${label.toLowerCase()}` : `changed ${whose} role`;
      }
      case 'profile':
        return typeof value === 'string' ? `set ${whose} profile to ${value}` : `changed ${whose} profile`;
      case 'name':
        return `renamed ${text(before.name) || 'a stakeholder'} to ${text(value) || 'a stakeholder'}`;
      case 'reportsTo': {
        const boss = typeof value === 'string' ? ctx.stakeholderName(value) : undefined;
        return boss ? `made ${name} report to ${boss}` : `changed who ${name} reports to`;
      }
      case 'priorities':
        return `edited ${whose} priorities`;
      default:
        return `changed ${whose} ${field === 'title' ? 'title' : field === 'department' ? 'department' : 'details'}`;
    }
  });
}

function criterionPhrases(label: string, before: Fields, after: Fields, ctx: DescribeContext): string[] {
  return changedFields(before, after).map((field) => {
    const value = after[field];
    switch (field) {
      case 'name':
        return `renamed the criterion ${quoted(before.name, 'untitled')} to ${quoted(value, 'untitled')}`;
      case 'weight':
        return typeof value === 'number' ? `set the weight of ${label} to ${value}` : `changed the weight of ${label}`;
      case 'mandatory':
        return value === true ? `made ${label} mandatory` : `made ${label} optional`;
      case 'scores':
        return `scored the options on ${label}`;
      case 'weightsByStakeholder':
        return `recorded what stakeholders weigh ${label}`;
      case 'description':
        return `edited the description of ${label}`;
      case 'owner': {
        const owner = typeof value === 'string' ? ctx.stakeholderName(value) : undefined;
        return owner ? `made ${owner} the owner of ${label}` : `changed the owner of ${label}`;
      }
      default:
        return `changed ${label}`;
    }
  });
}

function objectionPhrases(label: string, before: Fields, after: Fields): string[] {
  return changedFields(before, after).map((field) => {
    const value = after[field];
    switch (field) {
      case 'status': {
        const status = OBJECTION_STATUS_LABELS[value as keyof typeof OBJECTION_STATUS_LABELS];
        return status ? `marked the objection ${label} ${status.toLowerCase()}` : `changed the objection ${label}`;
      }
      case 'response':
        return `edited the response to ${label}`;
      case 'evidence':
        return `edited the evidence on ${label}`;
      case 'title':
        return `renamed the objection ${quoted(before.title, 'untitled')} to ${quoted(value, 'untitled')}`;
      default:
        return `changed the objection ${label}`;
    }
  });
}

/** The noun a record is named by in the words, without the actor. */
function nounOf(change: RecordChange, fields: Fields, ctx: DescribeContext): string {
  const stakeholder = () => ctx.stakeholderName(change.recordId) ?? 'a stakeholder';
  switch (change.recordType) {
    case 'deal':
      return 'the deal';
    case 'stakeholder':
      return text(fields.name) || 'a stakeholder';
    case 'relationship': {
      const from = typeof fields.from === 'string' ? ctx.stakeholderName(fields.from) : undefined;
      const to = typeof fields.to === 'string' ? ctx.stakeholderName(fields.to) : undefined;
      return from && to ? `the link between ${from} and ${to}` : 'a link between stakeholders';
    }
    case 'option':
      return `the option ${quoted(fields.name, 'untitled')}`;
    case 'criterion':
      return `the criterion ${text(fields.name) || 'untitled'}`;
    case 'objection':
      return `the objection ${quoted(fields.title, 'untitled')}`;
    case 'verifier':
      return `the verifier ${quoted(fields.text, 'untitled')}`;
    case 'guide':
      return `${possessive(stakeholder())} guide`;
    case 'voice':
      return `${possessive(stakeholder())} answer`;
    case 'workshop':
      return `the workshop ${quoted(fields.title, 'untitled')}`;
    case 'negotiable':
      return `the negotiable point ${quoted(fields.text, 'untitled')}`;
    case 'coaching':
      return 'the coaching';
    case 'mental-model':
      return 'the mental model';
    case 'seller-notes':
      return 'the seller notes';
    case 'buyer-notes':
      return 'the buyer notes';
    case 'stakeholder-note':
      return `the private notes on ${stakeholder()}`;
    case 'blocker-plan':
      return `the Blocker plan for ${stakeholder()}`;
    case 'insight':
      return 'the commercial insight';
  }
}

/** Records that hold private free text: their words say only that they were edited, never what they say. */
const PRIVATE_TEXT: ReadonlySet<ActivityRecordType> = new Set([
  'seller-notes',
  'buyer-notes',
  'stakeholder-note',
  'blocker-plan',
  'insight',
]);

/**
 * One record's change in words, with the actor first ("Mara raised Henrik's influence to 4", "Mara added the criterion
 * Security", "Mara ticked the verifier “Budget approved”", "Jonas answered their guide"), or null when nothing a reader
 * would notice changed (only a list position moved). Private notes and plans are named, never quoted.
 */
export function describeChange(change: RecordChange, ctx: DescribeContext): ActivityDescription | null {
  const before = asFields(change.before);
  const after = asFields(change.after);
  const actor = ctx.actor ?? 'Someone';
  if (change.recordType === 'voice') {
    if (!after) return null;
    const name = ctx.stakeholderName(change.recordId) ?? 'A stakeholder';
    const who = ctx.actor ?? name;
    const words = ctx.actor ? `${who} changed ${possessive(name)} answer` : `${name} answered their guide`;
    return same(before, after) ? null : { kind: 'answered', words };
  }
  if (PRIVATE_TEXT.has(change.recordType) || change.recordType === 'mental-model' || change.recordType === 'coaching') {
    if (same(change.before, change.after)) return null;
    const noun = nounOf(change, after ?? before ?? {}, ctx);
    if (change.after === undefined) return { kind: 'removed', words: `${actor} removed ${noun}` };
    return {
      kind: 'changed',
      words: `${actor} ${change.recordType === 'blocker-plan' ? 'updated' : 'edited'} ${noun}`,
    };
  }
  if (!before && !after) return null;
  if (!before) {
    const noun = nounOf(change, after!, ctx);
    const words =
      change.recordType === 'stakeholder'
        ? `${actor} added ${noun} to the map`
        : change.recordType === 'relationship'
          ? `${actor} drew ${noun}`
          : `${actor} added ${noun}`;
    return { kind: 'added', words };
  }
  if (!after) {
    const noun = nounOf(change, before, ctx);
    const words =
      change.recordType === 'stakeholder' ? `${actor} removed ${noun} from the map` : `${actor} removed ${noun}`;
    return { kind: 'removed', words };
  }
  const fields = changedFields(before, after);
  if (fields.length === 0) return null;
  const noun = nounOf(change, after, ctx);
  if (change.recordType === 'verifier' && fields.includes('done')) {
    const ticked = after.done === true;
    return { kind: ticked ? 'ticked' : 'unticked', words: `${actor} ${ticked ? 'ticked' : 'unticked'} ${noun}` };
  }
  let phrases: string[];
  switch (change.recordType) {
    case 'stakeholder':
      phrases = stakeholderPhrases(noun, before, after, ctx);
      break;
    case 'criterion':
      phrases = criterionPhrases(text(after.name) || 'a criterion', before, after, ctx);
      break;
    case 'objection':
      phrases = objectionPhrases(quoted(after.title, 'untitled'), before, after);
      break;
    case 'deal':
      phrases = fields.map((field) =>
        field === 'title'
          ? `renamed the deal to ${quoted(after.title, 'untitled')}`
          : field === 'buyer'
            ? `changed the buyer to ${quoted(after.buyer, 'no one')}`
            : 'changed the deal’s details',
      );
      break;
    case 'guide':
      phrases = [`edited ${noun}`];
      break;
    case 'verifier':
      phrases = [`edited ${noun}`];
      break;
    default:
      phrases = [`changed ${noun}`];
  }
  return { kind: 'changed', words: `${actor} ${joinPhrases([...new Set(phrases)])}` };
}

/** A described change with the record it is about. */
export interface DescribedChange extends ActivityDescription {
  change: RecordChange;
}

/**
 * The changes of one transaction in words, those nobody would notice left out. A server-side write that answers a
 * stakeholder's guide (no actor, a `voice` among its changes) is that stakeholder's answer alone: the weights it copies
 * into the criteria are part of it, not changes of their own.
 */
export function describeTransaction(changes: readonly RecordChange[], ctx: DescribeContext): DescribedChange[] {
  const voice = ctx.actor === null ? changes.find((change) => change.recordType === 'voice') : undefined;
  const kept = voice ? [voice] : changes;
  return kept.flatMap((change) => {
    const description = describeChange(change, ctx);
    return description ? [{ ...description, change }] : [];
  });
}
