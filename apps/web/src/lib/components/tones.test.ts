import { describe, expect, it } from 'vitest';
import { profileTone } from './tones.ts';

describe('profileTone', () => {
  it('colours Mobilizers green, Talkers amber, Blockers red, with their group label', () => {
    for (const p of ['go-getter', 'teacher', 'skeptic'])
      expect(profileTone(p)).toEqual({ tone: 'mobilizer', group: 'Mobilizer' });
    for (const p of ['guide', 'friend', 'climber']) expect(profileTone(p)).toEqual({ tone: 'talker', group: 'Talker' });
    expect(profileTone('blocker')).toEqual({ tone: 'blocker', group: 'Blocker' });
  });

  it('shows anything unprofiled as unknown grey', () => {
    expect(profileTone(undefined).tone).toBe('unknown');
    expect(profileTone('unknown').tone).toBe('unknown');
    expect(profileTone('toString').tone).toBe('unknown');
  });
});
