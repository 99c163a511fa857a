import { describe, expect, it } from 'vitest';
import { sharedMaps } from '../shared-doc/index.ts';
import { addStakeholder } from '../stakeholders/index.ts';
import { newDeal } from '../testing/two-peers.ts';
import { addRelationship, readRelationships, removeRelationship, updateRelationship } from './relationships.ts';

describe('relationships', () => {
  it('connects two stakeholders, updates and removes the link', () => {
    const doc = newDeal();
    const a = addStakeholder(doc, { name: 'A' });
    const b = addStakeholder(doc, { name: 'B' });
    const c = addStakeholder(doc, { name: 'C' });
    const id = addRelationship(doc, { from: a, to: b, kind: 'influences' });
    expect(readRelationships(doc)).toEqual([{ id, from: a, to: b, kind: 'influences', note: '' }]);
    updateRelationship(doc, id, { kind: 'rivals', note: 'budget', to: c });
    expect(readRelationships(doc)).toEqual([{ id, from: a, to: c, kind: 'rivals', note: 'budget' }]);
    removeRelationship(doc, id);
    expect(readRelationships(doc)).toEqual([]);
  });

  it('refuses self-links, unknown stakeholders and unknown kinds', () => {
    const doc = newDeal();
    const a = addStakeholder(doc, { name: 'A' });
    const b = addStakeholder(doc, { name: 'B' });
    expect(() => addRelationship(doc, { from: a, to: a, kind: 'allies' })).toThrow(RangeError);
    expect(() => addRelationship(doc, { from: a, to: 'ghost', kind: 'allies' })).toThrow(RangeError);
    expect(() => addRelationship(doc, { from: a, to: b, kind: 'married' as never })).toThrow(RangeError);
  });

  it('skips a relationship whose stakeholder is gone', () => {
    const doc = newDeal();
    const a = addStakeholder(doc, { name: 'A' });
    const b = addStakeholder(doc, { name: 'B' });
    addRelationship(doc, { from: a, to: b, kind: 'allies' });
    sharedMaps(doc).stakeholders.delete(b);
    expect(readRelationships(doc)).toEqual([]);
  });
});
