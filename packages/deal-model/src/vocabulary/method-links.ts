/** The kinds of record an evidence link or a negotiable point's concern can point at. */
export const METHOD_LINK_KINDS = ['objection', 'voice', 'negotiable', 'stakeholder'] as const;
/** A kind of {@link MethodLink}. */
export type MethodLinkKind = (typeof METHOD_LINK_KINDS)[number];
/**
 * A link to a record of the shared document: `objection:<id>`, `voice:<stakeholderId>` (their own answer),
 * `negotiable:<id>` or `stakeholder:<id>`.
 */
export type MethodLink = `${MethodLinkKind}:${string}`;

/** Splits a link into its kind and id; null for anything malformed or of a kind not in `kinds`. */
export function parseMethodLink(
  link: unknown,
  kinds: readonly MethodLinkKind[] = METHOD_LINK_KINDS,
): { kind: MethodLinkKind; id: string } | null {
  if (typeof link !== 'string') return null;
  const colon = link.indexOf(':');
  if (colon <= 0) return null;
  const kind = link.slice(0, colon);
  const id = link.slice(colon + 1);
  if (!id || !(kinds as readonly string[]).includes(kind)) return null;
  return { kind: kind as MethodLinkKind, id };
}
