import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setNotes, setStakeholderNote } from '../private-notes/index.ts';
import { forgetStakeholderInBuyerDoc, initBuyerDoc, readBuyerDoc } from './buyer-doc.ts';

describe('buyer document', () => {
  it('holds the Mobilizer’s notes and notes per stakeholder, and nothing else', () => {
    const doc = new Y.Doc();
    initBuyerDoc(doc);
    setNotes(doc, 'Talk to Henrik before the board');
    setStakeholderNote(doc, 'cfo', 'Wants ROI in year one');
    expect(readBuyerDoc(doc)).toEqual({
      notes: 'Talk to Henrik before the board',
      stakeholderNotes: { cfo: 'Wants ROI in year one' },
    });
    expect([...doc.share.keys()].sort()).toEqual(['notes', 'stakeholderNotes']);
    forgetStakeholderInBuyerDoc(doc, 'cfo');
    expect(readBuyerDoc(doc).stakeholderNotes).toEqual({});
  });
});
