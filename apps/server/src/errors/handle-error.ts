import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { StoredReadTimeout } from '../documents/index.ts';
import { ApiError } from './api-error.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';

/** Logs what the client must not see. */
export type ErrorLogger = (error: unknown) => void;

/**
 * The app's error handler: an {@link ApiError} answers as itself; a database that cannot be reached answers
 * 503 `unavailable` with `Retry-After` (the outage is not the client's fault, and it may simply retry);
 * anything else is logged and answered as a 500 that reveals nothing.
 */
export function handleError({ log = console.error }: { log?: ErrorLogger } = {}): ErrorHandler {
  return (error) => {
    if (error instanceof ApiError) return error.toResponse();
    if (error instanceof HTTPException && error.status < 500) {
      return new ApiError(error.status, 'bad_request', error.message || 'Bad request.').toResponse();
    }
    log(error);
    if (isDatabaseUnavailable(error) || error instanceof StoredReadTimeout) {
      return new ApiError(503, 'unavailable', 'Quorum cannot reach its database right now. Please try again shortly.', {
        headers: { 'Retry-After': '5' },
      }).toResponse();
    }
    return new ApiError(500, 'internal', 'Something went wrong on our side. Please try again.').toResponse();
  };
}

/** 404 for unknown API paths, in the API's error format. */
export const handleNotFound: NotFoundHandler = () => ApiError.notFound('There is no such API endpoint.').toResponse();
