/** The three documents of a deal room (DESIGN.md section 2). */
export type DocumentKind = 'shared' | 'seller' | 'buyer';

/** A path into a document; `*` matches any one key (a record id). */
type PathPattern = readonly string[];

/** Where a document keeps how it is laid out: its top-level maps, and which strings are collaborative Y.Text. */
export interface DocumentShape {
  /** Top-level Y.Maps, exported (as `{}` when empty) whether or not the document holds them yet. */
  maps: readonly string[];
  /** Top-level Y.Texts. */
  texts: readonly string[];
  /** Strings below the top level that are Y.Text (free text people write together). */
  textPaths: readonly PathPattern[];
}

/**
 * The layout of each document as section 2 (and 7a–7e) of DESIGN.md names it. Everything else is plain
 * JSON: an object is a Y.Map, an array a Y.Array, any other value is stored as is.
 */
export const DOCUMENT_SHAPES: Record<DocumentKind, DocumentShape> = {
  shared: {
    maps: [
      'meta',
      'stakeholders',
      'relationships',
      'options',
      'criteria',
      'objections',
      'plan',
      'guides',
      'voices',
      'workshops',
      'coaching',
      'negotiables',
      'mentalModel',
    ],
    texts: [],
    textPaths: [
      ['stakeholders', '*', 'priorities'],
      ['criteria', '*', 'description'],
      ['objections', '*', 'response'],
      ['objections', '*', 'evidence'],
      ['guides', '*', 'summary'],
      ['guides', '*', 'keyMessages'],
      ['guides', '*', 'asks'],
      ['workshops', '*', 'outcome'],
      ['coaching', 'stages', '*', 'note'],
    ],
  },
  seller: {
    maps: ['stakeholderNotes', 'blockerPlans', 'insight', 'mobilizerTests', 'qualification'],
    texts: ['notes'],
    textPaths: [
      ['stakeholderNotes', '*'],
      ['insight', 'problem'],
      ['insight', 'missing'],
      ['insight', 'approach'],
      ['mobilizerTests', '*', 'note'],
    ],
  },
  buyer: {
    maps: ['stakeholderNotes'],
    texts: ['notes'],
    textPaths: [['stakeholderNotes', '*']],
  },
};

/** Whether the string at `path` of a `kind` document is a Y.Text. */
export function isTextPath(kind: DocumentKind, path: readonly string[]): boolean {
  return DOCUMENT_SHAPES[kind].textPaths.some(
    (pattern) =>
      pattern.length === path.length && pattern.every((segment, i) => segment === '*' || segment === path[i]),
  );
}
