/** Returns a new random UUID (v4) for a record id; works in browsers and in Node 20. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
