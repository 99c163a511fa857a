import type * as Y from 'yjs';
import { type MentalModel, type ModelNode, readMentalModel } from './mental-model.ts';

/** What the agreed model (B) changes against the current one (A), by seed 003's three moves. */
export interface ModelDiff {
  /** Beliefs of B with no counterpart in A (add a box). */
  added: { nodeId: string; text: string; importance: number }[];
  /** Beliefs of B more important than their counterpart in A (make a box bigger). */
  raised: { nodeId: string; text: string; from: number; to: number }[];
  /** Causal links of B that A does not have between the same beliefs (add an arrow). */
  linked: { linkId: string; from: string; to: string; fromText: string; toText: string; note: string }[];
  /** Beliefs of A with no counterpart in B: what B leaves behind. */
  dropped: { nodeId: string; text: string }[];
}

const normalise = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Pairs each belief of B with its counterpart in A: the same id (B started as a copy of A), else the one
 * belief of A with the same text (ignoring case and spacing). Returns B id → A id.
 */
function counterparts(a: readonly ModelNode[], b: readonly ModelNode[]): Map<string, string> {
  const byId = new Set(a.map((node) => node.id));
  const byText = new Map<string, string | null>();
  for (const node of a) {
    const key = normalise(node.text);
    if (key) byText.set(key, byText.has(key) ? null : node.id);
  }
  const taken = new Set(b.filter((node) => byId.has(node.id)).map((node) => node.id));
  const pairs = new Map<string, string>();
  for (const node of b) {
    if (byId.has(node.id)) {
      pairs.set(node.id, node.id);
      continue;
    }
    const match = byText.get(normalise(node.text));
    if (match && !taken.has(match)) {
      pairs.set(node.id, match);
      taken.add(match);
    }
  }
  return pairs;
}

/** {@link modelDiff} over a snapshot. */
export function diffModels({ current, agreed }: MentalModel): ModelDiff {
  const pairs = counterparts(current.nodes, agreed.nodes);
  const inA = new Map(current.nodes.map((node) => [node.id, node]));
  const inB = new Map(agreed.nodes.map((node) => [node.id, node]));
  const diff: ModelDiff = { added: [], raised: [], linked: [], dropped: [] };
  for (const node of agreed.nodes) {
    const before = inA.get(pairs.get(node.id) ?? '');
    if (!before) diff.added.push({ nodeId: node.id, text: node.text, importance: node.importance });
    else if (node.importance > before.importance) {
      diff.raised.push({ nodeId: node.id, text: node.text, from: before.importance, to: node.importance });
    }
  }
  const linksOfA = new Set(current.links.map((link) => `${link.from}>${link.to}`));
  for (const link of agreed.links) {
    const from = pairs.get(link.from);
    const to = pairs.get(link.to);
    if (from && to && linksOfA.has(`${from}>${to}`)) continue;
    diff.linked.push({
      linkId: link.id,
      from: link.from,
      to: link.to,
      fromText: inB.get(link.from)?.text ?? '',
      toText: inB.get(link.to)?.text ?? '',
      note: link.note,
    });
  }
  const paired = new Set(pairs.values());
  for (const node of current.nodes) {
    if (!paired.has(node.id)) diff.dropped.push({ nodeId: node.id, text: node.text });
  }
  return diff;
}

/**
 * What B adds, raises and links against A (seed 003's three moves: add a node, increase its importance,
 * add a causal link), and which beliefs of A it leaves behind. Pure; each list follows B's (or A's) order.
 */
export function modelDiff(doc: Y.Doc): ModelDiff {
  return diffModels(readMentalModel(doc));
}
