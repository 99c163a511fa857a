import { describe, expect, it } from 'vitest';
import { METHOD_INFO } from './method-info.ts';

describe('METHOD_INFO', () => {
  it('explains every piece of the method in two sentences, with a source in plain words', () => {
    expect(Object.keys(METHOD_INFO).sort()).toEqual(
      ['coaching', 'insight', 'learning', 'mentalModel', 'mobilizerTest', 'negotiables', 'qualification'].sort(),
    );
    for (const info of Object.values(METHOD_INFO)) {
      const sentences = info.explanation.split(/(?<=[.!?])\s+(?=[A-Z])/);
      expect(sentences, info.title).toHaveLength(2);
      expect(info.explanation.endsWith('.')).toBe(true);
      expect(info.source).not.toMatch(/seed|\.txt|\.md/i);
      expect(info.source.length).toBeGreaterThan(10);
    }
  });
});
