/** One splice that turns the old text into the new: delete `remove` characters at `index`, then insert `insert`. */
export interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

/**
 * Finds the single splice that a user's input made to a text field.
 *
 * A plain longest-common-prefix diff is ambiguous for repeated characters ("aa" → "aaa"), so the caret
 * after the edit disambiguates it: everything after the caret is unchanged text, everything before the
 * start of the change is unchanged text. Returns null when nothing changed.
 */
export function textChange(before: string, after: string, caret: number = after.length): TextChange | null {
  if (before === after) return null;
  const cursor = Math.max(0, Math.min(caret, after.length));
  // The text after the caret was not touched by this input (the caret sits at the end of what was typed).
  let suffix = 0;
  const maxSuffix = Math.min(after.length - cursor, before.length);
  while (suffix < maxSuffix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  let prefix = 0;
  const maxPrefix = Math.min(before.length - suffix, after.length - suffix);
  while (prefix < maxPrefix && before[prefix] === after[prefix]) prefix++;
  return {
    index: prefix,
    remove: before.length - suffix - prefix,
    insert: after.slice(prefix, after.length - suffix),
  };
}
