import * as Y from 'yjs';
import { parseAgendaSource } from '../vocabulary/index.ts';
import { sharedMaps } from './shared-maps.ts';

/**
 * Clears references that concurrent edits can leave behind (e.g. one peer deletes a stakeholder while
 * another names them as an objection's raiser): `reportsTo`, criteria `owner`, `weightsByStakeholder` and
 * `scores` entries, objection `raisedBy`, relationships, guides and guide `objectionIds` that point at
 * records no longer there; answers (`voices`) of removed stakeholders and their weights for removed criteria;
 * workshop attendees no longer mapped (and duplicates) and agenda sources pointing at removed records
 * (they become `custom`). Readers already ignore such references; this makes the stored document clean.
 * One transaction, and no update at all when nothing needs fixing. Returns how many references it fixed.
 */
export function repairReferences(doc: Y.Doc): number {
  const maps = sharedMaps(doc);
  const fixes: (() => void)[] = [];
  const dangling = (value: unknown, within: { has(key: string): boolean }): boolean =>
    typeof value === 'string' && value !== '' && !within.has(value);

  for (const record of maps.stakeholders.values()) {
    if (record instanceof Y.Map && dangling(record.get('reportsTo'), maps.stakeholders)) {
      fixes.push(() => record.set('reportsTo', null));
    }
  }
  for (const record of maps.criteria.values()) {
    if (!(record instanceof Y.Map)) continue;
    if (dangling(record.get('owner'), maps.stakeholders)) {
      fixes.push(() => record.set('owner', null));
    }
    for (const [key, within] of [
      ['weightsByStakeholder', maps.stakeholders],
      ['scores', maps.options],
    ] as const) {
      const nested = record.get(key);
      if (!(nested instanceof Y.Map)) continue;
      for (const id of nested.keys()) if (!within.has(id)) fixes.push(() => nested.delete(id));
    }
  }
  for (const record of maps.objections.values()) {
    if (record instanceof Y.Map && dangling(record.get('raisedBy'), maps.stakeholders)) {
      fixes.push(() => record.set('raisedBy', null));
    }
  }
  for (const [id, record] of maps.relationships.entries()) {
    if (!(record instanceof Y.Map)) continue;
    const from = record.get('from');
    const to = record.get('to');
    if (
      typeof from !== 'string' ||
      typeof to !== 'string' ||
      !maps.stakeholders.has(from) ||
      !maps.stakeholders.has(to)
    ) {
      fixes.push(() => maps.relationships.delete(id));
    }
  }
  for (const [id, guide] of maps.guides.entries()) {
    if (!maps.stakeholders.has(id)) {
      fixes.push(() => maps.guides.delete(id));
      continue;
    }
    const ids = guide instanceof Y.Map ? guide.get('objectionIds') : undefined;
    if (!(ids instanceof Y.Array)) continue;
    const list = ids.toArray();
    const seen = new Set<unknown>();
    const drop: number[] = [];
    list.forEach((value, index) => {
      if (typeof value !== 'string' || !maps.objections.has(value) || seen.has(value)) drop.push(index);
      seen.add(value);
    });
    if (drop.length > 0) {
      fixes.push(() => {
        for (const index of drop.reverse()) ids.delete(index, 1);
      });
    }
  }
  for (const [id, voice] of maps.voices.entries()) {
    if (!maps.stakeholders.has(id)) {
      fixes.push(() => maps.voices.delete(id));
      continue;
    }
    const weights = voice instanceof Y.Map ? voice.get('weights') : undefined;
    if (!(weights instanceof Y.Map)) continue;
    for (const criterionId of weights.keys()) {
      if (!maps.criteria.has(criterionId)) fixes.push(() => weights.delete(criterionId));
    }
  }
  const within = { criterion: maps.criteria, objection: maps.objections, voice: maps.stakeholders };
  for (const workshop of maps.workshops.values()) {
    if (!(workshop instanceof Y.Map)) continue;
    const attendees = workshop.get('attendees');
    if (attendees instanceof Y.Array) {
      const seen = new Set<unknown>();
      const drop: number[] = [];
      attendees.toArray().forEach((value, index) => {
        if (typeof value !== 'string' || !maps.stakeholders.has(value) || seen.has(value)) drop.push(index);
        seen.add(value);
      });
      if (drop.length > 0) {
        fixes.push(() => {
          for (const index of drop.reverse()) attendees.delete(index, 1);
        });
      }
    }
    const agenda = workshop.get('agenda');
    if (!(agenda instanceof Y.Map)) continue;
    for (const item of agenda.values()) {
      if (!(item instanceof Y.Map)) continue;
      const ref = parseAgendaSource(item.get('source'));
      if (ref && !within[ref.kind].has(ref.id)) fixes.push(() => item.set('source', 'custom'));
    }
  }
  if (fixes.length > 0) {
    doc.transact(() => {
      for (const fix of fixes) fix();
    });
  }
  return fixes.length;
}
