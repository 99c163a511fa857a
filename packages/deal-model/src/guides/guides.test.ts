import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addObjection, updateObjection } from '../objections/index.ts';
import { sharedMaps } from '../shared-doc/index.ts';
import { addStakeholder } from '../stakeholders/index.ts';
import { exchangeUpdates, newDeal, twoPeers } from '../testing/two-peers.ts';
import { projectObjectionGuide, projectStakeholderGuide } from './guide-projection.ts';
import {
  addGuideObjection,
  ensureGuide,
  guideText,
  readGuide,
  readGuides,
  removeGuide,
  removeGuideObjection,
  updateGuide,
} from './guides.ts';

describe('guides', () => {
  it('creates a guide with three Y.Texts and a Y.Array of objection ids', () => {
    const doc = newDeal();
    const cfo = addStakeholder(doc, { name: 'CFO' });
    const guide = ensureGuide(doc, cfo);
    for (const field of ['summary', 'keyMessages', 'asks']) expect(guide.get(field)).toBeInstanceOf(Y.Text);
    expect(guide.get('objectionIds')).toBeInstanceOf(Y.Array);
    expect(ensureGuide(doc, cfo)).toBe(guide);
    expect(readGuide(doc, cfo)).toEqual({
      stakeholderId: cfo,
      summary: '',
      keyMessages: '',
      asks: '',
      objectionIds: [],
    });
  });

  it('writes fields, adds and removes objections without duplicates', () => {
    const doc = newDeal();
    const cfo = addStakeholder(doc, { name: 'CFO' });
    const a = addObjection(doc, { title: 'A' });
    const b = addObjection(doc, { title: 'B' });
    updateGuide(doc, cfo, { summary: 's', keyMessages: 'k', asks: 'x', objectionIds: [a, a] });
    addGuideObjection(doc, cfo, b);
    addGuideObjection(doc, cfo, b);
    expect(readGuide(doc, cfo)).toEqual({
      stakeholderId: cfo,
      summary: 's',
      keyMessages: 'k',
      asks: 'x',
      objectionIds: [a, b],
    });
    removeGuideObjection(doc, cfo, a);
    expect(readGuide(doc, cfo)!.objectionIds).toEqual([b]);
    expect(guideText(doc, cfo, 'asks').toString()).toBe('x');
    removeGuide(doc, cfo);
    expect(readGuides(doc)).toEqual([]);
  });

  it('refuses a guide for an unknown stakeholder or objection', () => {
    const doc = newDeal();
    const cfo = addStakeholder(doc, { name: 'CFO' });
    expect(() => ensureGuide(doc, 'ghost')).toThrow(/unknown stakeholder/);
    expect(() => addGuideObjection(doc, cfo, 'ghost')).toThrow(/unknown objection/);
  });

  it('drops an objection id removed concurrently with its addition to a guide', () => {
    const { seller, mobilizer } = twoPeers();
    const cfo = addStakeholder(seller, { name: 'CFO' });
    const a = addObjection(seller, { title: 'A' });
    exchangeUpdates(seller, mobilizer);
    addGuideObjection(mobilizer, cfo, a);
    sharedMaps(seller).objections.delete(a);
    exchangeUpdates(seller, mobilizer);
    expect(readGuide(seller, cfo)!.objectionIds).toEqual([]);
    expect(readGuide(mobilizer, cfo)).toEqual(readGuide(seller, cfo));
  });
});

describe('guide projections', () => {
  it('holds the guide, the name and title, and the listed objections: nothing about profile, stance or notes', () => {
    const doc = newDeal();
    const cfo = addStakeholder(doc, {
      name: 'Anna Kowalski',
      title: 'CFO',
      profile: 'blocker',
      stance: -2,
      influence: 5,
      commitment: 'unaware',
      priorities: 'secret agenda',
    });
    const listed = addObjection(doc, { title: 'Opex', raisedBy: cfo, response: 'Lease', evidence: 'Study' });
    addObjection(doc, { title: 'Not listed' });
    updateObjection(doc, listed, { category: 'price' });
    updateGuide(doc, cfo, { summary: 'Why now', keyMessages: 'k', asks: 'a', objectionIds: [listed] });
    const projection = projectStakeholderGuide(doc, cfo)!;
    expect(projection).toEqual({
      kind: 'stakeholder',
      organization: 'Nordwind',
      stakeholder: { name: 'Anna Kowalski', title: 'CFO' },
      summary: 'Why now',
      keyMessages: 'k',
      asks: 'a',
      objections: [{ title: 'Opex', response: 'Lease', evidence: 'Study' }],
    });
    const json = JSON.stringify(projection);
    for (const secret of ['blocker', 'secret agenda', 'unaware', 'influence', 'stance', cfo]) {
      expect(json).not.toContain(secret);
    }
  });

  it('is empty for a stakeholder without a guide, null for one off the map; the objection guide lists every objection', () => {
    const doc = newDeal();
    const cfo = addStakeholder(doc, { name: 'CFO' });
    expect(projectStakeholderGuide(doc, cfo)).toMatchObject({ summary: '', keyMessages: '', asks: '', objections: [] });
    expect(projectStakeholderGuide(doc, 'gone')).toBeNull();
    addObjection(doc, { title: 'A', raisedBy: cfo });
    const projection = projectObjectionGuide(doc);
    expect(projection.objections.map((o) => o.title)).toEqual(['A']);
    expect(JSON.stringify(projection)).not.toContain(cfo);
  });

  it('never publishes an untitled objection (a draft), in the objection guide or a stakeholder guide', () => {
    const doc = newDeal();
    const cfo = addStakeholder(doc, { name: 'CFO' });
    const titled = addObjection(doc, { title: 'Too expensive', response: 'ROI in a year' });
    const untitled = addObjection(doc, { title: '', response: 'half-written answer' });
    const blank = addObjection(doc, { title: '   ', response: 'another draft' });
    ensureGuide(doc, cfo);
    for (const id of [untitled, titled, blank]) addGuideObjection(doc, cfo, id);
    expect(projectObjectionGuide(doc).objections.map((o) => o.title)).toEqual(['Too expensive']);
    expect(projectStakeholderGuide(doc, cfo)?.objections.map((o) => o.title)).toEqual(['Too expensive']);
    expect(JSON.stringify(projectObjectionGuide(doc))).not.toContain('draft');

    updateObjection(doc, untitled, { title: 'Security review' });
    expect(projectObjectionGuide(doc).objections.map((o) => o.title)).toEqual(['Too expensive', 'Security review']);
  });
});
