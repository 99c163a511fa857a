/**
 * How many people a room's awareness states show: one per distinct `user.id` (the web app announces
 * `{ user: { id, … } }`, so one person in two tabs counts once), and one per client whose state names no
 * user (a client that does not say who it is is still someone). Cleared states are not in the map.
 */
export function countPeople(states: ReadonlyMap<number, unknown>): number {
  const people = new Set<string>();
  for (const [clientId, state] of states) {
    const user = (state as { user?: { id?: unknown } } | null)?.user;
    people.add(typeof user?.id === 'string' ? `user:${user.id}` : `client:${clientId}`);
  }
  return people.size;
}
