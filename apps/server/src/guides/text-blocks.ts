/** A block of guide prose: a paragraph (its lines kept) or a bulleted list. */
export type TextBlock = { kind: 'paragraph'; lines: string[] } | { kind: 'list'; items: string[] };

const bullet = /^\s*(?:[-*•–]|\d+[.)])\s+/;

/**
 * Splits the plain text of a guide field into blocks: blank lines separate blocks, and a block whose
 * every line starts with a bullet ("- ", "* ", "• ", "1. ") is a list. The same blocks make the page and
 * the PDF, so both read alike.
 */
export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trimEnd())
      .filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    if (lines.every((line) => bullet.test(line))) {
      blocks.push({ kind: 'list', items: lines.map((line) => line.replace(bullet, '')) });
    } else {
      blocks.push({ kind: 'paragraph', lines: lines.map((line) => line.trim()) });
    }
  }
  return blocks;
}
