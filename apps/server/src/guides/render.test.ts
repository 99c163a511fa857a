import { projectObjectionGuide, projectStakeholderGuide, type StakeholderGuideProjection } from '@quorum/deal-model';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renderGuideFragment, renderGuidePage } from './render-page.ts';
import { renderGuidePdf } from './render-pdf.ts';
import { GUIDE_TEXT, writeSharedFixture } from './test-fixtures.ts';

async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

function fixtureGuide(): StakeholderGuideProjection {
  const doc = new Y.Doc();
  const guide = projectStakeholderGuide(doc, writeSharedFixture(doc).stakeholderId);
  if (!guide) throw new Error('fixture has no guide');
  return guide;
}

describe('guide page', () => {
  it('shows every part of the guide, with bullets as a list', () => {
    const html = renderGuidePage(fixtureGuide(), { nonce: 'n0nce', path: '/g/abc' });
    for (const part of [
      GUIDE_TEXT.name,
      GUIDE_TEXT.title,
      GUIDE_TEXT.summary,
      GUIDE_TEXT.asks,
      GUIDE_TEXT.objectionTitle,
    ]) {
      expect(html).toContain(part);
    }
    expect(html).toContain('<li>Cash flow stays flat: leasing spreads the cost</li>');
    expect(html).toContain('@media print');
    expect(html).toContain('/g/abc/pdf');
  });

  it('escapes whatever the guide’s authors typed', () => {
    const guide = { ...fixtureGuide(), summary: '<script>alert("x")</script> & <img src=x onerror=alert(1)>' };
    const fragment = renderGuideFragment(guide);
    expect(fragment).not.toContain('<script>');
    expect(fragment).not.toContain('<img');
    expect(fragment).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img');
  });

  it('says so when the guide is still empty', () => {
    const guide = { ...fixtureGuide(), summary: '', keyMessages: ' ', asks: '', objections: [] };
    expect(renderGuideFragment(guide)).toContain('still being written');
  });
});

describe('guide PDF', () => {
  it('is a real PDF holding the guide’s text', async () => {
    const pdf = await renderGuidePdf(fixtureGuide());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf);
    for (const part of [GUIDE_TEXT.name, GUIDE_TEXT.summary, GUIDE_TEXT.asks, GUIDE_TEXT.objectionResponse]) {
      expect(text).toContain(part);
    }
  });

  it('lays a long objection guide over several pages', async () => {
    const doc = new Y.Doc();
    writeSharedFixture(doc);
    const base = projectObjectionGuide(doc);
    const many = Array.from({ length: 40 }, (_, i) => ({
      title: `Question ${i + 1}`,
      response: 'A considered answer. '.repeat(20),
      evidence: 'A source.',
    }));
    const pdf = await renderGuidePdf({ ...base, objections: many });
    const parsed = await getDocumentProxy(new Uint8Array(pdf));
    expect(parsed.numPages).toBeGreaterThan(2);
    expect(await pdfText(pdf)).toContain('Question 40');
  });
});

describe('guide PDF text beyond Western European', () => {
  it('keeps names and text in other scripts, quotes, dashes and arrows as typed', async () => {
    const guide = {
      ...fixtureGuide(),
      organization: 'Łódź Logistics',
      stakeholder: { name: 'Zoë Ñúñez-Wójcik', title: 'CFO → CEO' },
      summary: 'Costs € 1.2 M — “flat” over three years. Привет, Αθήνα.',
    };
    const text = await pdfText(await renderGuidePdf(guide));
    for (const part of ['Zoë Ñúñez-Wójcik', 'CFO → CEO', '€ 1.2 M — “flat”', 'Привет, Αθήνα.', 'Łódź Logistics']) {
      expect(text).toContain(part);
    }
  });
});

describe('guide PDF of a deal whose buyer name is blank', () => {
  it('renders, without an author, instead of failing', async () => {
    for (const guide of [
      { ...fixtureGuide(), organization: '' },
      { kind: 'objections' as const, organization: '', objections: [] },
    ]) {
      const pdf = await renderGuidePdf(guide);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(await pdfText(pdf)).toContain('Shared inside the company');
    }
  });
});
