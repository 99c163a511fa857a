import { describe, expect, it } from 'vitest';
import { sectionOf } from './sections.ts';
import { undoIntent } from './undo-keys.ts';

describe('undoIntent', () => {
  const press = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) =>
    undoIntent({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

  it('maps the usual keys on Windows, Linux and macOS', () => {
    expect(press('z', { ctrlKey: true })).toBe('undo');
    expect(press('z', { metaKey: true })).toBe('undo');
    expect(press('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(press('z', { metaKey: true, shiftKey: true })).toBe('redo');
    expect(press('y', { ctrlKey: true })).toBe('redo');
  });

  it('leaves plain typing and other shortcuts alone', () => {
    expect(press('z')).toBeNull();
    expect(press('s', { ctrlKey: true })).toBeNull();
    expect(press('z', { ctrlKey: true, altKey: true })).toBeNull();
  });
});

describe('sectionOf', () => {
  it('reads the section from a room path', () => {
    expect(sectionOf('/deals/abc/criteria')).toBe('criteria');
    expect(sectionOf('/deals/abc/group')).toBe('group');
    expect(sectionOf('/deals/abc')).toBeNull();
    expect(sectionOf('/deals/abc/unknown')).toBeNull();
  });
});
