import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors.ts';
import { FormState } from './form.svelte.ts';
import * as validate from './validate.ts';

function signupForm() {
  return new FormState(
    { email: '', password: '' },
    { validate: (v) => ({ email: validate.email(v.email), password: validate.password(v.password) }) },
  );
}

describe('FormState', () => {
  it('does not send a form that fails the local check, and says why per field', async () => {
    const form = signupForm();
    form.values.email = 'not-an-email';
    let sent = false;
    const result = await form.submit(async () => {
      sent = true;
    });
    expect(result).toBeUndefined();
    expect(sent).toBe(false);
    expect(form.errors.email).toMatch(/email address like/);
    expect(form.errors.password).toBe('Enter a password.');
    expect(form.firstInvalid).toBe('email');
    expect(form.hasErrors).toBe(true);
  });

  it('sends trimmed values (passwords as typed) and returns the result', async () => {
    const form = signupForm();
    form.values.email = '  ada@example.com ';
    form.values.password = ' secret pass ';
    const result = await form.submit(async (values) => values);
    expect(result).toEqual({ email: 'ada@example.com', password: ' secret pass ' });
    expect(form.hasErrors).toBe(false);
    expect(form.pending).toBe(false);
  });

  it('puts an API error that names a field under that field', async () => {
    const form = signupForm();
    form.values.email = 'ada@example.com';
    form.values.password = 'long enough password';
    await form.submit(async () => {
      throw new ApiError({ status: 400, code: 'invalid_input', message: 'That email is taken.', field: 'email' });
    });
    expect(form.errors.email).toBe('That email is taken.');
    expect(form.formError).toBeNull();
  });

  it('shows any other API error for the whole form', async () => {
    const form = signupForm();
    form.values.email = 'ada@example.com';
    form.values.password = 'long enough password';
    await form.submit(async () => {
      throw new ApiError({
        status: 401,
        code: 'invalid_credentials',
        message: 'That email and password do not match.',
      });
    });
    expect(form.formError).toBe('That email and password do not match.');
    await form.submit(async () => {
      throw new ApiError({ status: 400, code: 'invalid_input', message: 'Bad.', field: 'somethingElse' });
    });
    expect(form.formError).toBe('Bad.');
  });

  it('is pending while sending and ignores a second submit meanwhile', async () => {
    const form = signupForm();
    form.values.email = 'ada@example.com';
    form.values.password = 'long enough password';
    let release: () => void = () => undefined;
    let calls = 0;
    const first = form.submit(
      () =>
        new Promise<void>((resolve) => {
          calls++;
          release = resolve;
        }),
    );
    expect(form.pending).toBe(true);
    expect(await form.submit(async () => calls++)).toBeUndefined();
    release();
    await first;
    expect(calls).toBe(1);
    expect(form.pending).toBe(false);
  });

  it('clears a field’s message once the user edits it', async () => {
    const form = signupForm();
    await form.submit(async () => undefined);
    expect(form.errors.email).toBeDefined();
    form.touch('email');
    expect(form.errors.email).toBeUndefined();
    expect(form.errors.password).toBeDefined();
  });
});
