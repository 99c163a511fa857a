import { projectObjectionGuide, projectStakeholderGuide } from '@quorum/deal-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GUIDE_TEXT, markersOutsideObjectionGuide, PRIVATE_MARKERS, writeSharedFixture } from './test-fixtures.ts';

describe('guide projection', () => {
  it('holds the guide, the stakeholder’s name and title and the listed objections, nothing else', () => {
    const doc = new Y.Doc();
    const ids = writeSharedFixture(doc);
    const guide = projectStakeholderGuide(doc, ids.stakeholderId);
    expect(guide).toEqual({
      kind: 'stakeholder',
      organization: GUIDE_TEXT.buyer,
      stakeholder: { name: GUIDE_TEXT.name, title: GUIDE_TEXT.title },
      summary: GUIDE_TEXT.summary,
      keyMessages: GUIDE_TEXT.keyMessages,
      asks: GUIDE_TEXT.asks,
      objections: [
        {
          title: GUIDE_TEXT.objectionTitle,
          response: GUIDE_TEXT.objectionResponse,
          evidence: GUIDE_TEXT.objectionEvidence,
        },
      ],
    });
    const json = JSON.stringify(guide);
    for (const marker of Object.values(PRIVATE_MARKERS)) expect(json).not.toContain(marker);
  });

  it('follows the live document: an edit to the guide shows in the next projection', () => {
    const doc = new Y.Doc();
    const ids = writeSharedFixture(doc);
    const summary = (doc.getMap('guides').get(ids.stakeholderId) as Y.Map<unknown>).get('summary') as Y.Text;
    summary.insert(summary.length, ' Edited live.');
    expect(projectStakeholderGuide(doc, ids.stakeholderId)?.summary).toBe(`${GUIDE_TEXT.summary} Edited live.`);
  });

  it('is null for a stakeholder no longer on the map, and empty for one with no guide yet', () => {
    const doc = new Y.Doc();
    const ids = writeSharedFixture(doc);
    expect(projectStakeholderGuide(doc, 'not-a-stakeholder')).toBeNull();
    doc.getMap('guides').delete(ids.stakeholderId);
    expect(projectStakeholderGuide(doc, ids.stakeholderId)).toMatchObject({ summary: '', asks: '', objections: [] });
  });

  it('objection guide: every objection with response and evidence in room order, never who raised it', () => {
    const doc = new Y.Doc();
    writeSharedFixture(doc);
    const guide = projectObjectionGuide(doc);
    expect(guide.objections.map((o) => o.title)).toEqual([
      GUIDE_TEXT.objectionTitle,
      PRIVATE_MARKERS.unlistedObjection,
    ]);
    expect(guide.objections[1]).toEqual({
      title: PRIVATE_MARKERS.unlistedObjection,
      response: 'Pilot with twenty engineers first.',
      evidence: 'Pilot plan attached.',
    });
    const json = JSON.stringify(guide);
    for (const marker of markersOutsideObjectionGuide) expect(json).not.toContain(marker);
  });
});
