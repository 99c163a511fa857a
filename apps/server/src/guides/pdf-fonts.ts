import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The faces a guide PDF uses, by role. */
export type PdfFace = 'body' | 'bodyBold' | 'bodyItalic' | 'label' | 'labelBold';

const files: Record<PdfFace, string> = {
  body: 'DejaVuSerif.ttf',
  bodyBold: 'DejaVuSerif-Bold.ttf',
  bodyItalic: 'DejaVuSerif-Italic.ttf',
  label: 'DejaVuSans.ttf',
  labelBold: 'DejaVuSans-Bold.ttf',
};

let loaded: Record<PdfFace, Buffer> | undefined;

/**
 * The DejaVu TrueType faces (from the `dejavu-fonts-ttf` package), read once. Embedded (and subset) in
 * every guide PDF so that names and text in any Latin, Greek or Cyrillic script, curly quotes, dashes,
 * arrows and the euro sign come out as typed; PDF's standard 14 fonts only know Windows-1252.
 */
export function pdfFonts(): Record<PdfFace, Buffer> {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const entries = Object.entries(files).map(([face, file]) => [
      face,
      readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)),
    ]);
    loaded = Object.fromEntries(entries) as Record<PdfFace, Buffer>;
  }
  return loaded;
}
