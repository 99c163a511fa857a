import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/**
 * The one error type of the HTTP API: it knows its status and renders `{error: {code, message}}`
 * (plus `field` for invalid input). Throw it from any handler; the app's error handler answers it.
 */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly options: { field?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }

  /** The response body. */
  toJSON(): ErrorBody {
    const { field } = this.options;
    return { error: { code: this.code, message: this.message, ...(field ? { field } : {}) } };
  }

  /** The HTTP response. */
  toResponse(): Response {
    return Response.json(this.toJSON(), {
      status: this.status,
      headers: this.options.headers,
    });
  }

  /** 400: one field of the input is missing or wrong; the message says which and why. */
  static invalidField(field: string, message: string): ApiError {
    return new ApiError(400, 'invalid_input', message, { field });
  }

  /** 401: no valid session. */
  static unauthenticated(message = 'Please log in first.'): ApiError {
    return new ApiError(401, 'unauthenticated', message);
  }

  /** 403: the caller is known but may not do this. */
  static forbidden(code: string, message: string): ApiError {
    return new ApiError(403, code, message);
  }

  /** 404: nothing here that the caller may see (never says whether it exists). */
  static notFound(message = 'Not found.'): ApiError {
    return new ApiError(404, 'not_found', message);
  }
}
