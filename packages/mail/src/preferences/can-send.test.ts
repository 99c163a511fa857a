import { describe, expect, it } from 'vitest';
import { canSend, DEFAULT_PREFERENCES, MAIL_KINDS } from './can-send.ts';

describe('canSend', () => {
  it('sends every kind by default', () => {
    for (const kind of MAIL_KINDS) expect(canSend(kind, null)).toBe(true);
  });

  it('follows the switch of each notification kind but always sends invites and password resets', () => {
    const allOff = { mentions: false, guideActivity: false, verifiers: false, health: false, digest: false };
    expect(MAIL_KINDS.filter((kind) => canSend(kind, allOff))).toEqual(['invite', 'password-reset']);
    expect(canSend('mention', { ...DEFAULT_PREFERENCES, mentions: false })).toBe(false);
    expect(canSend('guide-viewed', { ...DEFAULT_PREFERENCES, mentions: false })).toBe(true);
    expect(canSend('voice-submitted', { ...DEFAULT_PREFERENCES, guideActivity: false })).toBe(false);
    expect(canSend('verifier-overdue', { ...DEFAULT_PREFERENCES, verifiers: false })).toBe(false);
    expect(canSend('health-dropped', { ...DEFAULT_PREFERENCES, health: false })).toBe(false);
    expect(canSend('digest', { ...DEFAULT_PREFERENCES, digest: false })).toBe(false);
  });
});
