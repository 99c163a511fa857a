import { type DocumentJson, PLAN_STAGES } from '@quorum/deal-model';

/** One line of a version's read-only view. */
export interface VersionLine {
  id: string;
  text: string;
  detail?: string;
}

/** A titled group of lines of a version's read-only view. */
export interface VersionGroup {
  title: string;
  lines: VersionLine[];
}

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
const asString = (value: unknown): string => (typeof value === 'string' ? value : '');
const byOrder = (a: [string, unknown], b: [string, unknown]) =>
  (Number(asObject(a[1]).order) || 0) - (Number(asObject(b[1]).order) || 0);

function lines(map: unknown, text: (record: Json) => string, detail?: (record: Json) => string): VersionLine[] {
  return Object.entries(asObject(map))
    .sort(byOrder)
    .map(([id, value]) => {
      const record = asObject(value);
      return { id, text: text(record) || 'Untitled', detail: detail?.(record) || undefined };
    });
}

/** A version's shared document as plain lines to read (nothing here can be edited). */
export function sharedGroups(shared: DocumentJson): VersionGroup[] {
  const stakeholderNames = new Map(
    Object.entries(asObject(shared.stakeholders)).map(([id, s]) => [id, asString(asObject(s).name)]),
  );
  const groups: VersionGroup[] = [
    {
      title: 'Stakeholders',
      lines: lines(
        shared.stakeholders,
        (s) => asString(s.name),
        (s) => asString(s.title),
      ),
    },
    {
      title: 'Criteria',
      lines: lines(
        shared.criteria,
        (c) => asString(c.name),
        (c) => `weight ${c.weight ?? '–'}`,
      ),
    },
    {
      title: 'Objections',
      lines: lines(
        shared.objections,
        (o) => asString(o.title),
        (o) => asString(o.status),
      ),
    },
  ];
  for (const stage of PLAN_STAGES) {
    const verifiers = asObject(asObject(asObject(shared.plan)[stage.id]).verifiers);
    groups.push({
      title: `Plan: ${stage.label}`,
      lines: lines(
        verifiers,
        (v) => asString(v.text),
        (v) =>
          [
            v.done ? 'done' : 'open',
            asString(v.dueDate) ? `due ${asString(v.dueDate)}` : '',
            stakeholderNames.get(asString(v.owner)) ? `owner ${stakeholderNames.get(asString(v.owner))}` : '',
          ]
            .filter(Boolean)
            .join(' · '),
      ),
    });
  }
  return groups.filter((group) => group.lines.length > 0);
}

/** A version's date as people read it ("29 Nov 2026, 17:40"). */
export function versionDate(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
