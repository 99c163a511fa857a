import { describe, expect, it } from 'vitest';
import { ApiError, isUnauthenticated, networkError, toApiError } from './errors.ts';

describe('toApiError', () => {
  it('keeps the code, message and named field of a 400', () => {
    const error = toApiError(400, {
      error: { code: 'invalid_input', message: 'Enter a valid email.', field: 'email' },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_input',
      field: 'email',
      message: 'Enter a valid email.',
    });
  });

  it('reads the field from a "field: message" prefix and drops the prefix', () => {
    const error = toApiError(400, { error: { code: 'invalid', message: 'password: must be at least 10 characters' } });
    expect(error.field).toBe('password');
    expect(error.message).toBe('Must be at least 10 characters');
  });

  it('names the clashing field of a 409', () => {
    const error = toApiError(409, { error: { code: 'email_taken', message: 'Already exists.', field: 'email' } });
    expect(error.field).toBe('email');
  });

  it('never names a field on other statuses', () => {
    const error = toApiError(401, {
      error: { code: 'invalid_credentials', message: 'email: no match', field: 'email' },
    });
    expect(error.field).toBeUndefined();
    expect(error.code).toBe('invalid_credentials');
  });

  it('says something useful when the body is not the API format (a proxy error page)', () => {
    const error = toApiError(502, undefined);
    expect(error.code).toBe('server');
    expect(error.message).toMatch(/our side/);
    expect(toApiError(404, '<html>').message).toMatch(/couldn’t find/);
  });

  it('reads Retry-After on a 429', () => {
    const error = toApiError(429, { error: { code: 'rate_limited', message: 'Too many attempts.' } }, '30');
    expect(error.retryAfter).toBe(30);
    expect(toApiError(429, {}, 'soon').retryAfter).toBeUndefined();
  });

  it('tells a missing session apart from other errors', () => {
    expect(isUnauthenticated(toApiError(401, {}))).toBe(true);
    expect(isUnauthenticated(toApiError(403, {}))).toBe(false);
    expect(isUnauthenticated(new Error('x'))).toBe(false);
  });

  it('describes an unreachable server as a network error', () => {
    const error = networkError(new TypeError('fetch failed'));
    expect(error).toMatchObject({ status: 0, code: 'network' });
    expect(error.message).toMatch(/couldn’t reach/);
  });
});
