import { WEIGHT_MAX } from '../vocabulary/index.ts';

/** The longest `concerns` a stakeholder may write (DESIGN.md 7a), in characters. */
export const VOICE_CONCERNS_MAX = 4000;
/** The longest `missing` (a criterion they miss) a stakeholder may write (DESIGN.md 7a), in characters. */
export const VOICE_MISSING_MAX = 1000;

/** A stakeholder's answer, validated: weights are whole numbers 0–100 for known criteria; texts are trimmed. */
export interface VoiceAnswer {
  /** Criterion id → 0–100. */
  weights: Record<string, number>;
  concerns: string;
  missing: string;
}

/** The result of {@link validateVoiceInput}: the answer, or the first field that is wrong and why. */
export type VoiceValidation =
  | { ok: true; value: VoiceAnswer }
  | {
      ok: false;
      /** `body`, `weights`, `weights.<criterionId>`, `concerns` or `missing`. */
      field: string;
      message: string;
    };

/** How {@link validateVoiceInput} reads its input. */
export interface ValidateVoiceOptions {
  /**
   * The input comes from an HTML form: weights may be strings of digits, and an empty string means the
   * question was left unanswered (default false: weights must be numbers, as in JSON).
   */
  fromForm?: boolean;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readText(
  input: Record<string, unknown>,
  field: 'concerns' | 'missing',
  max: number,
): { value: string } | { field: string; message: string } {
  const raw = input[field];
  if (raw === undefined || raw === null) return { value: '' };
  if (typeof raw !== 'string') return { field, message: 'must be text' };
  const value = raw.trim();
  if (value.length > max) return { field, message: `must be at most ${max.toLocaleString('en')} characters` };
  return { value };
}

/**
 * Validates a stakeholder's answer (`{weights: {<criterionId>: 0..100}, concerns?, missing?}`, DESIGN.md
 * 7a) against the deal's criterion ids. The one parser for an answer: the server answers 400 naming
 * `field`, and {@link submitVoice} throws a RangeError with the same rules. Unknown criterion ids,
 * non-integers and values outside 0–100 are refused; `concerns` may have 4,000 characters, `missing`
 * 1,000 (after trimming); an answer with no weight, no concern and nothing missing is refused.
 */
export function validateVoiceInput(
  input: unknown,
  criterionIds: Iterable<string>,
  { fromForm = false }: ValidateVoiceOptions = {},
): VoiceValidation {
  if (!isPlainObject(input)) return { ok: false, field: 'body', message: 'must be an object' };
  const known = criterionIds instanceof Set ? (criterionIds as ReadonlySet<string>) : new Set(criterionIds);
  const rawWeights = input.weights ?? {};
  if (!isPlainObject(rawWeights)) return { ok: false, field: 'weights', message: 'must be an object' };
  const weights: Record<string, number> = {};
  for (const [id, raw] of Object.entries(rawWeights)) {
    const field = `weights.${id}`;
    if (!known.has(id)) return { ok: false, field, message: `unknown criterion ${id}` };
    if (fromForm && (raw === '' || raw === undefined || raw === null)) continue;
    const value = fromForm && typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > WEIGHT_MAX) {
      return { ok: false, field, message: `must be a whole number from 0 to ${WEIGHT_MAX}` };
    }
    weights[id] = value;
  }
  const concerns = readText(input, 'concerns', VOICE_CONCERNS_MAX);
  if ('field' in concerns) return { ok: false, ...concerns };
  const missing = readText(input, 'missing', VOICE_MISSING_MAX);
  if ('field' in missing) return { ok: false, ...missing };
  if (Object.keys(weights).length === 0 && !concerns.value && !missing.value) {
    return { ok: false, field: 'weights', message: 'give at least one weight, a concern or a missing criterion' };
  }
  return { ok: true, value: { weights, concerns: concerns.value, missing: missing.value } };
}
