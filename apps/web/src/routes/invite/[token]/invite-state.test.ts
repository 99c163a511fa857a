import { describe, expect, it } from 'vitest';
import { inviteView } from './invite-state.ts';

const live = { expired: false, used: false };

describe('inviteView', () => {
  it('asks a visitor to sign up or log in, and a signed-in user to accept', () => {
    expect(inviteView({ preview: live, problem: null, signedIn: false })).toBe('sign-in');
    expect(inviteView({ preview: live, problem: null, signedIn: true })).toBe('accept');
  });

  it('says so when the invite has expired or was used, whoever is looking', () => {
    expect(inviteView({ preview: { expired: true }, problem: null, signedIn: true })).toBe('expired');
    expect(inviteView({ preview: { expired: false, used: true }, problem: null, signedIn: false })).toBe('used');
  });

  it('treats an unknown token as an invalid link, and other failures as unavailable', () => {
    expect(inviteView({ preview: null, problem: { status: 404, code: 'not_found' }, signedIn: false })).toBe('invalid');
    expect(inviteView({ preview: null, problem: { status: 410, code: 'expired' }, signedIn: false })).toBe('expired');
    expect(inviteView({ preview: null, problem: { status: 409, code: 'invite_used' }, signedIn: false })).toBe('used');
    expect(inviteView({ preview: null, problem: { status: 0, code: 'network' }, signedIn: true })).toBe('unavailable');
  });
});
