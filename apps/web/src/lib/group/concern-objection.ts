/** Longest objection title drawn from a concern; a longer concern is cut at its first sentence, then at a word. */
export const CONCERN_TITLE_MAX = 140;

/**
 * The title of the objection a stakeholder's concern becomes: the concern itself when short, else its
 * first sentence, else its first words with an ellipsis. Whitespace is collapsed.
 */
export function objectionTitleFromConcern(concern: string, max = CONCERN_TITLE_MAX): string {
  const text = concern.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const sentence = /^.+?[.!?](?=\s|$)/.exec(text)?.[0];
  if (sentence && sentence.length <= max) return sentence;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
