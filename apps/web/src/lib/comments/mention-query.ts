/** A person a comment may mention. */
export interface Mentionable {
  id: string;
  name: string;
}

/** The `@word` being typed at the caret: where it starts and what was typed after the `@`. */
export interface MentionQuery {
  /** Index of the `@`. */
  start: number;
  /** The text typed after the `@`, up to the caret. */
  query: string;
}

/**
 * The mention being typed at `caret`, or null: an `@` at the start or after a space or bracket, followed by at most
 * three words (names have spaces) and no line break.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && !/[\s([{]/.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  if (/[\n@]/.test(query) || query.split(' ').length > 3 || query.length > 40) return null;
  return { start: at, query };
}

/** The people whose name matches `query` (any word starting with it, case-insensitive), best matches first. */
export function suggestPeople<P extends Mentionable>(people: readonly P[], query: string, limit = 6): P[] {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return people.slice(0, limit);
  const scored = people
    .map((person) => {
      const name = person.name.toLocaleLowerCase();
      const score = name.startsWith(q) ? 0 : name.split(/\s+/).some((word) => word.startsWith(q)) ? 1 : -1;
      return { person, score };
    })
    .filter((s) => s.score >= 0)
    .sort((a, b) => a.score - b.score || a.person.name.localeCompare(b.person.name));
  return scored.slice(0, limit).map((s) => s.person);
}

/** `text` with the mention at `query` replaced by `@Name `, and the caret after it. */
export function applyMention(
  text: string,
  caret: number,
  query: MentionQuery,
  person: Mentionable,
): { text: string; caret: number } {
  const inserted = `@${person.name} `;
  const next = text.slice(0, query.start) + inserted + text.slice(caret);
  return { text: next, caret: query.start + inserted.length };
}

/** The ids of the chosen people whose `@Name` is still in `text` (a mention deleted from the text is dropped). */
export function mentionsInText(text: string, chosen: readonly Mentionable[]): string[] {
  return [...new Set(chosen.filter((p) => text.includes(`@${p.name}`)).map((p) => p.id))];
}
