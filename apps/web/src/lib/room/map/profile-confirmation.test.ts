import { initSellerDoc, readStakeholders, seedSampleDeal, updateMobilizerTest } from '@quorum/deal-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { unconfirmedProfiles } from './profile-confirmation.ts';

describe('unconfirmedProfiles', () => {
  it('marks every profiled stakeholder the test has not confirmed, and clears the mark once it does', () => {
    const shared = new Y.Doc();
    const seller = new Y.Doc();
    initSellerDoc(seller);
    const ids = seedSampleDeal(shared);
    const people = readStakeholders(shared);
    const profiled = people.filter((p) => p.profile !== 'unknown').map((p) => p.id);
    expect(profiled.length).toBeGreaterThan(1);
    expect([...unconfirmedProfiles(people, seller)].sort()).toEqual([...profiled].sort());

    const mara = people.find((p) => p.id === ids.mobilizer)!;
    updateMobilizerTest(seller, mara.id, {
      insightReaction: 'engaged',
      perspective: 'group',
      task: { text: 'Set up the IT board meeting', delivered: 'yes' },
    });
    const after = unconfirmedProfiles(people, seller);
    expect(after.has(mara.id)).toBe(mara.group !== 'mobilizer');
    expect(after.size).toBe(profiled.length - (mara.group === 'mobilizer' ? 1 : 0));
  });
});
