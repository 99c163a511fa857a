import * as Y from 'yjs';
import {
  createRecord,
  getRecord,
  readNumber,
  readRecords,
  readString,
  reorderRecord,
  requireRecord,
  updateRecord,
  type YRecord,
  type YRecordMap,
} from '../records/index.ts';
import { type SharedMaps, sharedMaps } from '../shared-doc/shared-maps.ts';
import { assertInRange, assertOneOf } from '../vocabulary/index.ts';
import { graphMaps, MODEL_SIDES, type ModelSide } from './model-references.ts';

/** A belief's importance runs from 1 (minor) to 5 (decisive). */
export const IMPORTANCE_MIN = 1;
/** A belief's importance runs from 1 (minor) to 5 (decisive). */
export const IMPORTANCE_MAX = 5;

/** A belief of a mental model (a box). */
export interface ModelNode {
  id: string;
  text: string;
  /** 1–5 (a bigger box). */
  importance: number;
  /** Stakeholders whose own voice expresses this belief (existing ones, in the order attached). */
  voiceIds: string[];
  order: number;
}

/** A causal link between two beliefs of the same model: "`from` leads to `to`" (an arrow). */
export interface ModelLink {
  id: string;
  from: string;
  to: string;
  note: string;
}

/** One model as a plain snapshot: nodes sorted by `order`; links between existing nodes only, in their nodes' order. */
export interface ModelGraph {
  nodes: ModelNode[];
  links: ModelLink[];
}

/** Both models: A (`current`) and B (`agreed`). */
export interface MentalModel {
  current: ModelGraph;
  agreed: ModelGraph;
}

/** Fields of a new belief; everything but `text` has a default. */
export interface ModelNodeInput {
  text: string;
  /** Default 3. */
  importance?: number;
  /** Stakeholder ids (default none). */
  voiceIds?: readonly string[];
  order?: number;
}

/** Fields to change on a belief. */
export type ModelNodePatch = Partial<Omit<ModelNodeInput, 'order'>>;

function assertSide(side: ModelSide): void {
  assertOneOf('model', side, MODEL_SIDES);
}

/** The side's graph with its `nodes` and `links` maps, created when missing. Call inside a transaction. */
function ensureGraph(doc: Y.Doc, side: ModelSide): { nodes: YRecordMap; links: YRecordMap } {
  assertSide(side);
  const { mentalModel } = sharedMaps(doc);
  let graph = mentalModel.get(side);
  if (!(graph instanceof Y.Map)) {
    graph = new Y.Map<unknown>();
    mentalModel.set(side, graph);
  }
  const map = graph as Y.Map<unknown>;
  if (!(map.get('nodes') instanceof Y.Map)) map.set('nodes', new Y.Map());
  if (!(map.get('links') instanceof Y.Map)) map.set('links', new Y.Map());
  return { nodes: map.get('nodes') as YRecordMap, links: map.get('links') as YRecordMap };
}

function requireNode(doc: Y.Doc, side: ModelSide, id: string): YRecord {
  assertSide(side);
  const { nodes } = graphMaps(sharedMaps(doc), side);
  if (!nodes) throw new RangeError(`unknown belief: ${id}`);
  return requireRecord(nodes, id, 'belief');
}

function validateNode(maps: SharedMaps, patch: ModelNodePatch): void {
  if (patch.text !== undefined && typeof patch.text !== 'string') throw new RangeError('text must be a string');
  if (patch.importance !== undefined) {
    assertInRange('importance', patch.importance, IMPORTANCE_MIN, IMPORTANCE_MAX, true);
  }
  for (const id of patch.voiceIds ?? []) {
    if (!getRecord(maps.stakeholders, id)) throw new RangeError(`voiceIds: unknown stakeholder ${id}`);
  }
}

/** Creates the empty A and B graphs (so that peers never create them concurrently). Safe to call twice. */
export function ensureMentalModel(doc: Y.Doc): void {
  doc.transact(() => {
    for (const side of MODEL_SIDES) ensureGraph(doc, side);
  });
}

/** The first move: adds a belief (a box) to a model and returns its id. */
export function addNode(doc: Y.Doc, side: ModelSide, input: ModelNodeInput): string {
  assertSide(side);
  validateNode(sharedMaps(doc), input);
  let id = '';
  doc.transact(() => {
    id = createRecord(ensureGraph(doc, side).nodes, {
      text: input.text,
      importance: input.importance ?? 3,
      voiceIds: Y.Array.from([...new Set(input.voiceIds ?? [])]),
      order: input.order,
    });
  });
  return id;
}

/** The second move: makes a belief more important (a bigger box), by `by` (default 1); a RangeError past 5. */
export function raiseImportance(doc: Y.Doc, side: ModelSide, nodeId: string, { by = 1 }: { by?: number } = {}): void {
  const node = requireNode(doc, side, nodeId);
  assertInRange('by', by, 1, IMPORTANCE_MAX - IMPORTANCE_MIN, true);
  const current = Math.round(readNumber(node, 'importance', 3, IMPORTANCE_MIN, IMPORTANCE_MAX));
  if (current + by > IMPORTANCE_MAX) {
    throw new RangeError(`importance is already ${current}; it cannot go above ${IMPORTANCE_MAX}`);
  }
  node.set('importance', current + by);
}

/**
 * The third move: adds a causal link (an arrow) "`from` leads to `to`" between two beliefs of the same
 * model and returns its id. A RangeError for an unknown belief, a link from a belief to itself, or a link
 * that already exists in that direction.
 */
export function addCausalLink(
  doc: Y.Doc,
  side: ModelSide,
  { from, to, note = '' }: { from: string; to: string; note?: string },
): string {
  requireNode(doc, side, from);
  requireNode(doc, side, to);
  if (from === to) throw new RangeError('a belief cannot lead to itself');
  if (typeof note !== 'string') throw new RangeError('note must be a string');
  const { links } = graphMaps(sharedMaps(doc), side);
  for (const link of links?.values() ?? []) {
    if (link instanceof Y.Map && link.get('from') === from && link.get('to') === to) {
      throw new RangeError('this causal link already exists');
    }
  }
  let id = '';
  doc.transact(() => {
    id = createRecord(ensureGraph(doc, side).links, { from, to, note }, { ordered: false });
  });
  return id;
}

/** Changes a belief's text, importance (1–5) or the voices attached to it (replacing them). */
export function updateNode(doc: Y.Doc, side: ModelSide, nodeId: string, patch: ModelNodePatch): void {
  const node = requireNode(doc, side, nodeId);
  validateNode(sharedMaps(doc), patch);
  doc.transact(() => {
    if (patch.text !== undefined) node.set('text', patch.text);
    if (patch.importance !== undefined) node.set('importance', patch.importance);
    if (patch.voiceIds !== undefined) {
      const list = voiceIdsOf(node);
      list.delete(0, list.length);
      list.push([...new Set(patch.voiceIds)]);
    }
  });
}

function voiceIdsOf(node: YRecord): Y.Array<string> {
  const existing = node.get('voiceIds');
  if (existing instanceof Y.Array) return existing as Y.Array<string>;
  const created = new Y.Array<string>();
  node.set('voiceIds', created);
  return created;
}

/** Attaches a stakeholder's voice to the belief it expresses (once). */
export function attachVoice(doc: Y.Doc, side: ModelSide, nodeId: string, stakeholderId: string): void {
  const node = requireNode(doc, side, nodeId);
  validateNode(sharedMaps(doc), { voiceIds: [stakeholderId] });
  doc.transact(() => {
    const list = voiceIdsOf(node);
    if (!list.toArray().includes(stakeholderId)) list.push([stakeholderId]);
  });
}

/** Detaches a stakeholder's voice from a belief. */
export function detachVoice(doc: Y.Doc, side: ModelSide, nodeId: string, stakeholderId: string): void {
  const node = requireNode(doc, side, nodeId);
  doc.transact(() => {
    const list = voiceIdsOf(node);
    const values = list.toArray();
    for (let i = values.length - 1; i >= 0; i--) if (values[i] === stakeholderId) list.delete(i, 1);
  });
}

/** Moves a belief to position `toIndex` of its model. */
export function reorderNode(doc: Y.Doc, side: ModelSide, nodeId: string, toIndex: number): void {
  requireNode(doc, side, nodeId);
  reorderRecord(graphMaps(sharedMaps(doc), side).nodes!, nodeId, 'belief', toIndex);
}

/** Removes a belief and, in the same transaction, every causal link from or to it. */
export function removeNode(doc: Y.Doc, side: ModelSide, nodeId: string): void {
  assertSide(side);
  const { nodes, links } = graphMaps(sharedMaps(doc), side);
  if (!nodes) return;
  doc.transact(() => {
    nodes.delete(nodeId);
    for (const [id, link] of [...(links?.entries() ?? [])]) {
      if (link instanceof Y.Map && (link.get('from') === nodeId || link.get('to') === nodeId)) links!.delete(id);
    }
  });
}

/** Changes a causal link's note. */
export function updateLink(doc: Y.Doc, side: ModelSide, linkId: string, { note }: { note?: string }): void {
  assertSide(side);
  if (note !== undefined && typeof note !== 'string') throw new RangeError('note must be a string');
  const { links } = graphMaps(sharedMaps(doc), side);
  if (!links) throw new RangeError(`unknown causal link: ${linkId}`);
  updateRecord(links, linkId, 'causal link', { note });
}

/** Removes a causal link. */
export function removeLink(doc: Y.Doc, side: ModelSide, linkId: string): void {
  assertSide(side);
  graphMaps(sharedMaps(doc), side).links?.delete(linkId);
}

/**
 * Starts B from A: copies every belief and causal link of the current model into the agreed one, keeping
 * their ids (so {@link modelDiff} sees exactly what B changes). A RangeError when B already has beliefs,
 * unless `replace: true` (B is then emptied first). One transaction.
 */
export function copyCurrentToAgreed(doc: Y.Doc, { replace = false }: { replace?: boolean } = {}): void {
  const maps = sharedMaps(doc);
  const existing = graphMaps(maps, 'agreed').nodes;
  if (existing && existing.size > 0 && !replace) {
    throw new RangeError('the agreed model already has beliefs; pass replace: true to start it again from A');
  }
  const current = readGraph(maps, 'current');
  doc.transact(() => {
    const agreed = ensureGraph(doc, 'agreed');
    agreed.nodes.clear();
    agreed.links.clear();
    for (const node of current.nodes) {
      createRecord(
        agreed.nodes,
        { text: node.text, importance: node.importance, voiceIds: Y.Array.from(node.voiceIds), order: node.order },
        { id: node.id },
      );
    }
    for (const link of current.links) {
      createRecord(agreed.links, { from: link.from, to: link.to, note: link.note }, { id: link.id, ordered: false });
    }
  });
}

function readGraph(maps: SharedMaps, side: ModelSide): ModelGraph {
  const { nodes, links } = graphMaps(maps, side);
  const nodeList = nodes
    ? readRecords(nodes, (id, record) => {
        const voiceIds = record.get('voiceIds');
        const seen = new Set<string>();
        if (voiceIds instanceof Y.Array) {
          for (const value of voiceIds.toArray()) {
            if (typeof value === 'string' && maps.stakeholders.has(value)) seen.add(value);
          }
        }
        return {
          id,
          text: readString(record, 'text'),
          importance: Math.round(readNumber(record, 'importance', 3, IMPORTANCE_MIN, IMPORTANCE_MAX)),
          voiceIds: [...seen],
          order: readNumber(record, 'order', 0),
        };
      })
    : [];
  const linkList: ModelLink[] = [];
  for (const [id, record] of links?.entries() ?? []) {
    if (!(record instanceof Y.Map)) continue;
    const from = record.get('from');
    const to = record.get('to');
    if (typeof from !== 'string' || typeof to !== 'string' || from === to) continue;
    if (!nodes?.has(from) || !nodes.has(to)) continue;
    linkList.push({ id, from, to, note: readString(record, 'note') });
  }
  const position = new Map(nodeList.map((node, index) => [node.id, index]));
  linkList.sort(
    (a, b) =>
      position.get(a.from)! - position.get(b.from)! ||
      position.get(a.to)! - position.get(b.to)! ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { nodes: nodeList, links: linkList };
}

/** Both models as plain snapshots. */
export function readMentalModel(doc: Y.Doc): MentalModel {
  const maps = sharedMaps(doc);
  return { current: readGraph(maps, 'current'), agreed: readGraph(maps, 'agreed') };
}

/** One model as a plain snapshot. */
export function readModelGraph(doc: Y.Doc, side: ModelSide): ModelGraph {
  assertSide(side);
  return readGraph(sharedMaps(doc), side);
}
