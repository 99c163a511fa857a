export { type Api, createApi } from './client.ts';
export { ApiError, type ApiErrorCode, isUnauthenticated, networkError, toApiError } from './errors.ts';
export { type ApiRequestOptions, apiRequest } from './request.ts';
export type * from './types.ts';

import { createApi } from './client.ts';

/** The browser's client (same origin, session cookie). Inside `load`, prefer `createApi({ fetch })`. */
export const api = createApi();
