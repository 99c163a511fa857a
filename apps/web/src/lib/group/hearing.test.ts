import { readStakeholders, readVoices, seedSampleDeal } from '@quorum/deal-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { StakeholderEngagement } from './engagement-api.ts';
import { engagementMarks, groupHearing, hearingOf } from './hearing.ts';

function sample() {
  const doc = new Y.Doc();
  const ids = seedSampleDeal(doc);
  return { doc, ids, stakeholders: readStakeholders(doc), voices: readVoices(doc) };
}

function figures(id: string, patch: Partial<StakeholderEngagement>): StakeholderEngagement {
  return { id, name: '', links: 0, views: 0, lastViewedAt: null, answers: 0, lastAnswerAt: null, ...patch };
}

describe('hearingOf', () => {
  it('without engagement figures, knows only who answered: the sample’s three, the rest unknown', () => {
    const { ids, stakeholders, voices } = sample();
    const groups = groupHearing(hearingOf(stakeholders, voices, null));
    expect(groups.answered.map((h) => h.stakeholderId).sort()).toEqual([ids.cfo, ids.ceo, ids.users].sort());
    expect(groups.unknown).toHaveLength(3);
    expect(groups['not-asked']).toEqual([]);
    // Newest answer first: the key user answered last.
    expect(groups.answered[0]?.stakeholderId).toBe(ids.users);
  });

  it('with figures, tells who opened their link, who has a link not yet opened, and who was never asked', () => {
    const { ids, stakeholders, voices } = sample();
    const engagement = new Map([
      [ids.itBoard, figures(ids.itBoard, { links: 1, views: 2, lastViewedAt: '2030-01-01T00:00:00Z' })],
      [ids.procurement, figures(ids.procurement, { links: 1 })],
      // A revoked link that was opened still counts as opened.
      [ids.mobilizer, figures(ids.mobilizer, { links: 0, views: 1 })],
    ]);
    const groups = groupHearing(hearingOf(stakeholders, voices, engagement));
    expect(groups.opened.map((h) => h.stakeholderId).sort()).toEqual([ids.itBoard, ids.mobilizer].sort());
    expect(groups['not-opened'].map((h) => h.stakeholderId)).toEqual([ids.procurement]);
    expect(groups['not-asked']).toEqual([]);
    expect(groups.unknown).toEqual([]);
    engagement.delete(ids.procurement);
    const again = groupHearing(hearingOf(stakeholders, voices, engagement));
    expect(again['not-asked'].map((h) => h.stakeholderId)).toEqual([ids.procurement]);
  });

  it('an answer counts even when the figures have not caught up', () => {
    const { ids, stakeholders, voices } = sample();
    const hearing = hearingOf(stakeholders, voices, new Map()).find((h) => h.stakeholderId === ids.cfo);
    expect(hearing?.state).toBe('answered');
  });
});

describe('engagementMarks', () => {
  const when = (iso: string) => `at ${iso.slice(0, 10)}`;

  it('says in words whether the person opened their guide and answered', () => {
    const { ids, stakeholders, voices } = sample();
    const engagement = new Map([
      [ids.itBoard, figures(ids.itBoard, { links: 1, views: 3, lastViewedAt: '2030-02-03T00:00:00Z' })],
    ]);
    const byId = new Map(hearingOf(stakeholders, voices, engagement).map((h) => [h.stakeholderId, h]));

    const cfo = engagementMarks(byId.get(ids.cfo)!, when);
    expect(cfo).toMatchObject({ opened: true, answered: true, openedLabel: 'Opened their guide' });
    expect(cfo.answeredLabel).toMatch(/^Answered in their own words at \d{4}-/);

    expect(engagementMarks(byId.get(ids.itBoard)!, when)).toEqual({
      opened: true,
      answered: false,
      openedLabel: 'Opened their guide (3 views, last at 2030-02-03)',
      answeredLabel: 'Has not answered yet',
    });
    expect(engagementMarks(byId.get(ids.procurement)!, when)).toMatchObject({
      opened: false,
      openedLabel: 'No guide link yet',
    });
  });

  it('marks opening as unknown, not as "no", when the figures are unavailable', () => {
    const { ids, stakeholders, voices } = sample();
    const hearing = hearingOf(stakeholders, voices, null).find((h) => h.stakeholderId === ids.itBoard)!;
    expect(engagementMarks(hearing, when)).toMatchObject({
      opened: null,
      answered: false,
      openedLabel: 'Guide views not available',
    });
  });
});
