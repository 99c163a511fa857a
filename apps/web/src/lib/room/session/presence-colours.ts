/** Presence colours: distinct, never the meaning colours (green/amber/red); white initials on each reach AA (4.5:1). */
const palette = ['#4f46e5', '#0e7490', '#c026d3', '#7c3aed', '#2563eb', '#db2777', '#0f766e', '#9333ea'];

function preferredIndex(userId: string): number {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return hash % palette.length;
}

/** A person's preferred presence colour (from their user id): theirs whenever nobody else present has it. */
export function presenceColour(userId: string): string {
  return palette[preferredIndex(userId)]!;
}

/**
 * Colours for the people in one room, never the same for two of them while there are colours left (eight).
 * Everyone in the room computes the same answer from the same set of user ids, whatever order they come in:
 * in id order, each person takes their preferred colour, or the next free one in the palette.
 */
export function assignPresenceColours(userIds: Iterable<string>): Map<string, string> {
  const ids = [...new Set(userIds)].sort();
  const taken = new Set<number>();
  const result = new Map<string, string>();
  for (const id of ids) {
    let index = preferredIndex(id);
    for (let step = 0; step < palette.length && taken.has(index); step++) index = (index + 1) % palette.length;
    taken.add(index);
    result.set(id, palette[index]!);
    if (taken.size === palette.length) taken.clear();
  }
  return result;
}

/** Initials for an avatar: "Dana Whitfield" → "DW". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = parts[0]!.charAt(0);
  const last = parts.length > 1 ? parts.at(-1)!.charAt(0) : '';
  return (first + last).toUpperCase();
}
