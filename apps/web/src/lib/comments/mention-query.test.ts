import { describe, expect, it } from 'vitest';
import { applyMention, mentionQueryAt, mentionsInText, suggestPeople } from './mention-query.ts';

const people = [
  { id: 'm', name: 'Mara Jensen' },
  { id: 's', name: 'Sam Seller' },
  { id: 'j', name: 'Jonas Mahler' },
];

describe('mentions in the composer', () => {
  it('finds the @word at the caret, and nothing inside an email address', () => {
    expect(mentionQueryAt('Hi @Ma', 6)).toEqual({ start: 3, query: 'Ma' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('mail ana@example.com', 20)).toBeNull();
    expect(mentionQueryAt('@Mara\nnext', 10)).toBeNull();
    expect(mentionQueryAt('no mention', 10)).toBeNull();
  });

  it('suggests by first name or any later word, best first', () => {
    expect(suggestPeople(people, 'ma').map((p) => p.id)).toEqual(['m', 'j']);
    expect(suggestPeople(people, 'sel').map((p) => p.id)).toEqual(['s']);
    expect(suggestPeople(people, '')).toHaveLength(3);
    expect(suggestPeople(people, 'zz')).toEqual([]);
  });

  it('inserts the name and keeps only mentions still in the text', () => {
    const query = mentionQueryAt('Ask @ma today', 7)!;
    const applied = applyMention('Ask @ma today', 7, query, people[0]!);
    expect(applied).toEqual({ text: 'Ask @Mara Jensen  today', caret: 17 });
    expect(mentionsInText(applied.text, [people[0]!, people[1]!])).toEqual(['m']);
    expect(mentionsInText('Ask today', [people[0]!])).toEqual([]);
  });
});
