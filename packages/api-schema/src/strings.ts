import { z } from 'zod';

/**
 * Text without C0 control characters or DEL: Postgres refuses NUL in text, and none of them belongs in
 * a one-line field. (A pattern of allowed text rather than a search for forbidden characters, so the
 * OpenAPI document carries it as is.)
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: naming the refused characters is the point
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/u;
/** The same for prose, which may also hold tabs and line breaks. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: naming the refused characters is the point
const PROSE_NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/u;

/** Options of {@link text}. */
export interface TextOptions {
  /** Shortest accepted length after trimming (default 1). */
  min?: number;
  /** Longest accepted length (default 200). */
  max?: number;
  /** Human name of the field in messages, lowercase (`'buyer company'`); required. */
  label: string;
  /** Keep surrounding spaces and accept any character (passwords, which are hashed and never stored as text). */
  raw?: boolean;
  /** Multi-line text: tab and line breaks are accepted (other control characters still are not). */
  prose?: boolean;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The type error of a string field: "X is required." when absent or null, "X must be text." otherwise. */
function stringError(label: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined || issue.input === null
      ? `${capital(label)} is required.`
      : `${capital(label)} must be text.`;
}

/**
 * A required string field, trimmed (unless `raw`): messages name the field ("Title is required.",
 * "Title must be at most 200 characters long.", "Title cannot contain control characters.").
 * Control characters (NUL and the other C0 controls; tab and line breaks allowed for `prose`) are refused.
 */
export function text({ min = 1, max = 200, label, raw = false, prose = false }: TextOptions) {
  const Label = capital(label);
  const base = z.string({ error: stringError(label) });
  const trimmed = raw ? base : base.trim();
  const sized = trimmed
    .min(min, min <= 1 ? `${Label} is required.` : `${Label} must be at least ${min} characters long.`)
    .max(max, `${Label} must be at most ${max} characters long.`);
  if (raw) return sized;
  return sized.regex(prose ? PROSE_NO_CONTROL : NO_CONTROL, `${Label} cannot contain control characters.`);
}

/**
 * An optional string field: `undefined` when absent, null or blank; otherwise validated like {@link text}
 * (without a minimum).
 */
export function optionalText({ max = 200, label, prose = false }: Omit<TextOptions, 'min' | 'raw'>) {
  return text({ min: 0, max, label, prose })
    .nullish()
    .transform((value) => (value ? value : undefined));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A required email address, trimmed and lowercased; control characters refused. */
export function email({ label = 'email address' }: { label?: string } = {}) {
  return text({ max: 254, label }).toLowerCase().regex(EMAIL, 'Enter a valid email address, like ana@example.com.');
}

/** A required field that must be one of `choices` ("Role must be one of: mobilizer, seller."). */
export function oneOf<const T extends readonly [string, ...string[]]>(choices: T, { label }: { label: string }) {
  return z.enum(choices, { error: `${capital(label)} must be one of: ${choices.join(', ')}.` });
}

/** A canonical lowercase UUID: the only shape of deal, link and user ids. */
export const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Not an id.')
  .meta({ format: 'uuid' });

/** An ISO 8601 timestamp as the API writes it (`Date.prototype.toISOString`). */
export const timestamp = z.iso.datetime();
