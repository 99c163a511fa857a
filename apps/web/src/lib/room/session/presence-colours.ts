/** Presence colours: distinct, never the meaning colours (green/amber/red); white initials on each reach AA (4.5:1). */
const palette = ['#4f46e5', '#0e7490', '#c026d3', '#7c3aed', '#2563eb', '#db2777', '#0f766e', '#9333ea'];

/** A stable presence colour for a user id, so a person keeps their colour across reloads and devices. */
export function presenceColour(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return palette[hash % palette.length]!;
}

/** Initials for an avatar: "Dana Whitfield" → "DW". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = parts[0]!.charAt(0);
  const last = parts.length > 1 ? parts.at(-1)!.charAt(0) : '';
  return (first + last).toUpperCase();
}
