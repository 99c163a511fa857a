export { ApiError, type ErrorBody } from './api-error.ts';
export { type ErrorLogger, handleError, handleNotFound } from './handle-error.ts';
export { isDatabaseUnavailable } from './database-unavailable.ts';
