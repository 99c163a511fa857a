import { ApiError } from '../errors/index.ts';
import type { JsonObject } from './read-json.ts';

/** Options of {@link text}. */
export interface TextOptions {
  /** Shortest accepted length after trimming (default 1). */
  min?: number;
  /** Longest accepted length (default 200). */
  max?: number;
  /** Human name of the field in messages (default: the key). */
  label?: string;
  /** Keep surrounding spaces (passwords). */
  raw?: boolean;
}

/** A required string field, trimmed; 400 naming the field when missing, not a string, or out of bounds. */
export function text(
  body: JsonObject,
  key: string,
  { min = 1, max = 200, label = key, raw = false }: TextOptions = {},
) {
  const value = body[key];
  if (value === undefined || value === null) throw ApiError.invalidField(key, `${capital(label)} is required.`);
  if (typeof value !== 'string') throw ApiError.invalidField(key, `${capital(label)} must be text.`);
  const result = raw ? value : value.trim();
  if (result.length < min) {
    throw ApiError.invalidField(
      key,
      min <= 1 ? `${capital(label)} is required.` : `${capital(label)} must be at least ${min} characters long.`,
    );
  }
  if (result.length > max) {
    throw ApiError.invalidField(key, `${capital(label)} must be at most ${max} characters long.`);
  }
  return result;
}

/** An optional string field: undefined when absent, null or blank; otherwise validated like {@link text}. */
export function optionalText(body: JsonObject, key: string, options: TextOptions = {}): string | undefined {
  const value = body[key];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  return text(body, key, options);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A required email address, trimmed and lowercased; 400 naming the field when invalid. */
export function email(body: JsonObject, key = 'email'): string {
  const value = text(body, key, { max: 254, label: 'email address' }).toLowerCase();
  if (!EMAIL.test(value)) throw ApiError.invalidField(key, 'Enter a valid email address, like ana@example.com.');
  return value;
}

/** A required field that must be one of `choices`. */
export function oneOf<T extends string>(body: JsonObject, key: string, choices: readonly T[]): T {
  const value = body[key];
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw ApiError.invalidField(key, `${capital(key)} must be one of: ${choices.join(', ')}.`);
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
