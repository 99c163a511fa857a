import { addObjection, projectObjectionGuide } from '@quorum/deal-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ProjectionCache } from './projection-cache.ts';

describe('ProjectionCache', () => {
  it('projects a document once per target until the document changes, then shows the change', () => {
    const doc = new Y.Doc();
    addObjection(doc, { title: 'Is it secure?', response: 'Yes.', evidence: '' });
    const cache = new ProjectionCache();
    const first = cache.get(doc, 'objections', () => projectObjectionGuide(doc));
    expect(cache.get(doc, 'objections', () => projectObjectionGuide(doc))).toBe(first);
    expect(cache.get(doc, 'stakeholder:s1', () => null)).toBeNull();
    addObjection(doc, { title: 'What does it cost?', response: 'Less.', evidence: '' });
    const after = cache.get(doc, 'objections', () => projectObjectionGuide(doc));
    expect(after?.objections.map((objection) => objection.title)).toEqual(['Is it secure?', 'What does it cost?']);
  });
});
