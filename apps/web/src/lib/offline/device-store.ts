import type { Me } from '../api/index.ts';
import type { RoomDeal } from '../room/session/room-deal.ts';

/**
 * What this device keeps so that a deal room opens again on a reload while offline: the signed-in user
 * (`/api/me`) and, per user, the deals they opened (`/api/deals/:id` as the room reads it). The rooms' documents
 * themselves are kept by y-indexeddb in databases named `quorum:<userId>:<room>` (see RoomSession).
 * Logging out forgets all of it ({@link forgetUser}).
 */

const meKey = 'quorum:offline:me';
const dealPrefix = (userId: string) => `quorum:offline:${userId}:deal:`;
/** The y-indexeddb databases of one user's rooms. */
const roomDbPrefix = (userId: string) => `quorum:${userId}:`;

/** The browser's localStorage, or null where there is none (server rendering, storage disabled). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // access denied (storage disabled by the browser's settings): nothing is kept
  }
}

function read<T>(key: string): T | null {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    storage()?.removeItem(key); // written by another version of the app: dropped, the next online visit rewrites it
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch (error) {
    // Quota exceeded: the room still works online; only the offline reload lacks this entry.
    console.warn('could not keep offline copy', key, error);
  }
}

/** Keeps the signed-in user for a reload while offline. */
export function rememberMe(me: Me): void {
  write(meKey, me);
}

/** The user last signed in on this device, or null. */
export function rememberedMe(): Me | null {
  return read<Me>(meKey);
}

/** Keeps a deal's room details for `userId`. */
export function rememberDeal(userId: string, deal: RoomDeal): void {
  write(dealPrefix(userId) + deal.id, deal);
}

/** The room details `userId` last loaded for `dealId`, or null. */
export function rememberedDeal(userId: string, dealId: string): RoomDeal | null {
  return read<RoomDeal>(dealPrefix(userId) + dealId);
}

/**
 * Forgets everything kept for `userId` on this device: the remembered user (if it is them), their deals, and
 * the IndexedDB copies of their rooms' documents. Called on log out. Resolves once the databases are deleted
 * (a database still open in this tab is deleted as soon as its room closes).
 */
export async function forgetUser(userId: string): Promise<void> {
  const store = storage();
  if (store) {
    if (read<Me>(meKey)?.user.id === userId) store.removeItem(meKey);
    const prefix = dealPrefix(userId);
    const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
      (key): key is string => key?.startsWith(prefix) ?? false,
    );
    for (const key of keys) store.removeItem(key);
  }
  if (typeof indexedDB === 'undefined') return;
  const databases = await indexedDB.databases();
  const names = databases
    .map((db) => db.name)
    .filter((name): name is string => !!name?.startsWith(roomDbPrefix(userId)));
  await Promise.all(names.map(deleteDatabase));
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
  });
}
