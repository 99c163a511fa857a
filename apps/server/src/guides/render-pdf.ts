import type { GuideObjection, GuideProjection } from '@quorum/deal-model';
import type PDFKit from 'pdfkit';
import { pdfFonts } from './pdf-fonts.ts';
import { guideTitle } from './render-page.ts';
import { textBlocks } from './text-blocks.ts';

const ink = '#1d2430';
const muted = '#5b6474';
const rule = '#dde1e7';

type Pdf = InstanceType<typeof PDFKit>;

function prose(pdf: Pdf, text: string): void {
  pdf.font('body').fontSize(11.5).fillColor(ink);
  for (const block of textBlocks(text)) {
    if (block.kind === 'list')
      pdf.list(block.items, { bulletRadius: 1.8, textIndent: 12, lineGap: 2, paragraphGap: 3 });
    else pdf.text(block.lines.join('\n'), { lineGap: 2 });
    pdf.moveDown(0.6);
  }
}

function heading(pdf: Pdf, text: string): void {
  pdf.moveDown(0.8).font('bodyBold').fontSize(15).fillColor(ink).text(text).moveDown(0.3);
}

function horizontalRule(pdf: Pdf, color: string, width: number): void {
  const y = pdf.y;
  pdf
    .save()
    .moveTo(pdf.page.margins.left, y)
    .lineTo(pdf.page.width - pdf.page.margins.right, y)
    .lineWidth(width)
    .strokeColor(color)
    .stroke()
    .restore();
}

function objection(pdf: Pdf, item: GuideObjection): void {
  pdf.moveDown(0.5);
  horizontalRule(pdf, rule, 0.5);
  pdf.moveDown(0.4).font('bodyBold').fontSize(12).fillColor(ink).text(item.title).moveDown(0.2);
  if (item.response.trim()) prose(pdf, item.response);
  else pdf.font('bodyItalic').fontSize(11.5).fillColor(muted).text('Answer to come.').moveDown(0.6);
  if (item.evidence.trim()) {
    pdf.font('labelBold').fontSize(8).fillColor(muted).text('WHAT BACKS THIS UP', { characterSpacing: 0.6 });
    pdf.moveDown(0.2);
    prose(pdf, item.evidence);
  }
}

/**
 * Renders a guide as a PDF (pdfkit, embedded DejaVu faces): the same sections and wording as the page, laid out
 * as a plain document a buyer can forward to their board. Resolves with the complete file.
 */
export async function renderGuidePdf(guide: GuideProjection): Promise<Buffer> {
  // Loaded on the first PDF, not at start: pdfkit and its font engine hold ~25 MiB that an idle server never uses.
  const { default: PDFDocument } = await import('pdfkit');
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 72, right: 72 },
    // pdfkit reads every info value: a blank buyer name must leave Author out, not set it to undefined.
    info: { Title: guideTitle(guide), ...(guide.organization ? { Author: guide.organization } : {}) },
    bufferPages: true,
  });
  for (const [face, data] of Object.entries(pdfFonts())) pdf.registerFont(face, data);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  if (guide.organization) {
    pdf
      .font('labelBold')
      .fontSize(8.5)
      .fillColor(muted)
      .text(guide.organization.toUpperCase(), { characterSpacing: 0.8 });
    pdf.moveDown(0.4);
  }
  if (guide.kind === 'objections') {
    pdf.font('bodyBold').fontSize(24).fillColor(ink).text('Questions and answers');
    pdf
      .font('body')
      .fontSize(12)
      .fillColor(muted)
      .text('The concerns colleagues have raised about this decision, and how we answer them.');
  } else {
    pdf
      .font('bodyBold')
      .fontSize(24)
      .fillColor(ink)
      .text(`A briefing for ${guide.stakeholder.name || 'you'}`);
    if (guide.stakeholder.title) pdf.font('body').fontSize(12).fillColor(muted).text(guide.stakeholder.title);
  }
  pdf.moveDown(0.6);
  horizontalRule(pdf, ink, 1.5);
  pdf.moveDown(0.4);

  if (guide.kind === 'objections') {
    if (guide.objections.length === 0)
      pdf.font('bodyItalic').fontSize(11.5).fillColor(muted).text('No questions have been written down yet.');
    for (const item of guide.objections) objection(pdf, item);
  } else {
    const sections: Array<[string, string]> = [
      ['In short', guide.summary],
      ['What matters here', guide.keyMessages],
      ['What we are asking of you', guide.asks],
    ];
    let empty = true;
    for (const [title, text] of sections) {
      if (!text.trim()) continue;
      empty = false;
      heading(pdf, title);
      prose(pdf, text);
    }
    if (guide.objections.length) {
      empty = false;
      heading(pdf, 'Questions you may have');
      for (const item of guide.objections) objection(pdf, item);
    }
    if (empty) pdf.font('bodyItalic').fontSize(11.5).fillColor(muted).text('This briefing is still being written.');
  }

  const footer = `Shared inside ${guide.organization || 'the company'}. Please do not forward it outside.`;
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font('label')
      .fontSize(8)
      .fillColor(muted)
      .text(`${footer}   ${i - range.start + 1} / ${range.count}`, pdf.page.margins.left, pdf.page.height - 40, {
        width: pdf.page.width - pdf.page.margins.left - pdf.page.margins.right,
        align: 'center',
        lineBreak: false,
      });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}
