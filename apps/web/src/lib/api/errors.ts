/**
 * Errors from the API as the pages show them. The server answers `{error: {code, message}}`;
 * a 400 (or a 409 such as a taken email) names the field (as `field`, or as a "email: …" prefix).
 */

/** Machine-readable error codes the pages branch on. Unknown server codes are kept as they come. */
export type ApiErrorCode =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'rate_limited'
  | 'network'
  | 'server'
  | (string & {});

/** An error answer from the API, or a failure to reach it (`status` 0, code `network`). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: ApiErrorCode;
  /** The request field the error is about (400s), if the server named one. */
  readonly field: string | undefined;
  /** Seconds to wait before retrying (429), from Retry-After. */
  readonly retryAfter: number | undefined;

  constructor({
    status,
    code,
    message,
    field,
    retryAfter,
  }: {
    status: number;
    code: ApiErrorCode;
    message: string;
    field?: string | undefined;
    retryAfter?: number | undefined;
  }) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfter = retryAfter;
  }
}

const codeByStatus: Record<number, ApiErrorCode> = {
  400: 'invalid',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  429: 'rate_limited',
};

/** What to say when the server gave no usable message, in the product's voice. */
const fallbackMessage: Record<string, string> = {
  invalid: 'Something in the form needs another look.',
  unauthenticated: 'Please log in to continue.',
  forbidden: 'You don’t have access to this.',
  not_found: 'We couldn’t find that. It may have been removed, or the link is wrong.',
  conflict: 'That conflicts with something that already exists.',
  too_large: 'That is too large to send.',
  rate_limited: 'Too many attempts. Please wait a moment and try again.',
  server: 'Something went wrong on our side. Please try again in a moment.',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads a field name off the error body: `field`, `fields[0]`, `details.field`, or a "field: message" prefix. */
function fieldOf(error: Record<string, unknown>, message: string): string | undefined {
  if (typeof error.field === 'string') return error.field;
  if (Array.isArray(error.fields) && typeof error.fields[0] === 'string') return error.fields[0];
  if (isRecord(error.details) && typeof error.details.field === 'string') return error.details.field;
  const prefix = /^([a-zA-Z][a-zA-Z0-9_.]*):\s/.exec(message);
  return prefix?.[1];
}

/** Removes a leading "field: " from a message once the field is known, so it reads well under its input. */
function withoutFieldPrefix(message: string, field: string | undefined): string {
  if (!field || !message.startsWith(`${field}:`)) return message;
  const rest = message.slice(field.length + 1).trim();
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * Turns an API answer that is not OK into an {@link ApiError}.
 * @param status - the HTTP status
 * @param body - the parsed JSON body, or undefined when it was not JSON
 * @param retryAfterHeader - the Retry-After header, if any
 */
export function toApiError(status: number, body: unknown, retryAfterHeader?: string | null): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code: ApiErrorCode =
    typeof error.code === 'string' && error.code ? error.code : (codeByStatus[status] ?? 'server');
  const rawMessage = typeof error.message === 'string' && error.message.trim() ? error.message.trim() : '';
  // A 400 names the bad field; a 409 may name the clashing one (an email already taken).
  const field = status === 400 || status === 409 ? fieldOf(error, rawMessage) : undefined;
  const message =
    withoutFieldPrefix(rawMessage, field) ||
    fallbackMessage[code] ||
    fallbackMessage[codeByStatus[status] ?? 'server'] ||
    fallbackMessage.server!;
  const seconds = retryAfterHeader ? Number.parseInt(retryAfterHeader, 10) : Number.NaN;
  return new ApiError({
    status,
    code,
    message,
    field,
    retryAfter: Number.isFinite(seconds) ? seconds : undefined,
  });
}

/** The error for a request that never got an answer (offline, server down). */
export function networkError(cause: unknown): ApiError {
  const error = new ApiError({
    status: 0,
    code: 'network',
    message: 'We couldn’t reach Quorum. Check your connection and try again.',
  });
  (error as { cause?: unknown }).cause = cause;
  return error;
}

/** True when the error means the caller has no valid session. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
