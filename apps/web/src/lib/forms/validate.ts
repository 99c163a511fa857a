/** Local checks that mirror the API's, so obvious mistakes are caught before a round trip. */

/** The message when a required field is empty. */
export function required(value: string, what: string): string | undefined {
  return value.trim() ? undefined : `Enter ${what}.`;
}

/** A loose email check: something@something.something. The server has the final word. */
export function email(value: string): string | undefined {
  if (!value.trim()) return 'Enter your email address.';
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? undefined : 'Enter an email address like name@company.com.';
}

/** Minimum password length the server enforces. */
export const MIN_PASSWORD_LENGTH = 10;

/** Passwords: long enough to be worth having. */
export function password(value: string): string | undefined {
  if (!value) return 'Enter a password.';
  return value.length >= MIN_PASSWORD_LENGTH ? undefined : `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
}
