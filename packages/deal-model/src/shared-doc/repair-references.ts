import * as Y from 'yjs';
import { graphMaps, MODEL_SIDES } from '../mental-model/model-references.ts';
import { parseAgendaSource } from '../vocabulary/index.ts';
import { methodLinkExists } from './method-link-exists.ts';
import { sharedMaps } from './shared-maps.ts';

/** A fix that drops the entries of `list` that `keep` refuses or that repeat an earlier one; null when none. */
function dropFromArray(list: unknown, keep: (value: unknown) => boolean): (() => void) | null {
  if (!(list instanceof Y.Array)) return null;
  const seen = new Set<unknown>();
  const drop: number[] = [];
  list.toArray().forEach((value, index) => {
    if (!keep(value) || seen.has(value)) drop.push(index);
    seen.add(value);
  });
  if (drop.length === 0) return null;
  return () => {
    for (const index of drop.reverse()) list.delete(index, 1);
  };
}

/**
 * Clears references that concurrent edits can leave behind (e.g. one peer deletes a stakeholder while
 * another names them as an objection's raiser): `reportsTo`, criteria `owner`, `weightsByStakeholder` and
 * `scores` entries, objection `raisedBy`, relationships, guides and guide `objectionIds` that point at
 * records no longer there; answers (`voices`) of removed stakeholders and their weights for removed criteria;
 * workshop attendees no longer mapped (and duplicates) and agenda sources pointing at removed records
 * (they become `custom`); negotiable points' `answers` and `concededTo`, coaching `mobilizerId` and evidence
 * links, voices attached to beliefs and causal links whose beliefs are gone (issue 14). Readers already
 * ignore such references; this makes the stored document clean.
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
  for (const record of maps.negotiables.values()) {
    if (!(record instanceof Y.Map)) continue;
    const answers = record.get('answers');
    if (answers != null && !methodLinkExists(maps, answers, ['objection', 'voice'])) {
      fixes.push(() => record.set('answers', null));
    }
    if (dangling(record.get('concededTo'), maps.stakeholders)) fixes.push(() => record.set('concededTo', null));
  }
  if (dangling(maps.coaching.get('mobilizerId'), maps.stakeholders)) {
    fixes.push(() => maps.coaching.set('mobilizerId', null));
  }
  const stages = maps.coaching.get('stages');
  for (const stage of stages instanceof Y.Map ? stages.values() : []) {
    const fix = dropFromArray(stage instanceof Y.Map ? stage.get('evidence') : undefined, (link) =>
      methodLinkExists(maps, link),
    );
    if (fix) fixes.push(fix);
  }
  for (const side of MODEL_SIDES) {
    const { nodes, links } = graphMaps(maps, side);
    for (const node of nodes?.values() ?? []) {
      const fix = dropFromArray(
        node instanceof Y.Map ? node.get('voiceIds') : undefined,
        (id) => typeof id === 'string' && maps.stakeholders.has(id),
      );
      if (fix) fixes.push(fix);
    }
    for (const [id, link] of links?.entries() ?? []) {
      const from = link instanceof Y.Map ? link.get('from') : undefined;
      const to = link instanceof Y.Map ? link.get('to') : undefined;
      if (typeof from !== 'string' || typeof to !== 'string' || !nodes?.has(from) || !nodes.has(to)) {
        fixes.push(() => links!.delete(id));
      }
    }
  }
  if (fixes.length > 0) {
    doc.transact(() => {
      for (const fix of fixes) fix();
    });
  }
  return fixes.length;
}
