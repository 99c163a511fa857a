export { ApiError, type ErrorBody } from './api-error.ts';
export { isDatabaseUnavailable } from './database-unavailable.ts';
export { type ErrorLogger, handleError, handleNotFound } from './handle-error.ts';
