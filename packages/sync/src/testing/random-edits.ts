import * as Y from 'yjs';

/** A small seeded PRNG (mulberry32), so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random edit to the map `m`, the array `a` or the text `t` of `doc` (each its own transaction). */
export function randomEdit(doc: Y.Doc, random: () => number, tag: string): void {
  const pick = (n: number) => Math.floor(random() * n);
  const map = doc.getMap<unknown>('m');
  const array = doc.getArray<unknown>('a');
  const text = doc.getText('t');
  switch (pick(7)) {
    case 0:
      map.set(`k${pick(12)}`, `${tag}-${pick(1000)}`);
      break;
    case 1: {
      const nested = new Y.Map<unknown>();
      nested.set('by', tag);
      nested.set('n', pick(100));
      map.set(`r${pick(6)}`, nested);
      break;
    }
    case 2:
      map.delete(`k${pick(12)}`);
      break;
    case 3:
      array.insert(pick(array.length + 1), [`${tag}${pick(100)}`]);
      break;
    case 4:
      if (array.length > 0) array.delete(pick(array.length), 1);
      break;
    case 5:
      text.insert(pick(text.length + 1), `${tag}${pick(10)} `);
      break;
    default:
      if (text.length > 0) {
        const at = pick(text.length);
        text.delete(at, Math.min(3, text.length - at));
      }
  }
}

/** The content of the test document as plain JSON, for comparing replicas. */
export function contentOf(doc: Y.Doc): unknown {
  return { m: doc.getMap('m').toJSON(), a: doc.getArray('a').toJSON(), t: doc.getText('t').toString() };
}

/** Canonical JSON (object keys sorted), so replicas whose maps were filled in a different order compare equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** Whether two replicas hold the same content and have seen the same updates. */
export function converged(a: Y.Doc, b: Y.Doc): boolean {
  const vector = (doc: Y.Doc) => canonical(Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(doc))));
  return vector(a) === vector(b) && canonical(contentOf(a)) === canonical(contentOf(b));
}
