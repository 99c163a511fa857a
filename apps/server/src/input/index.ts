export { jsonBody, pathParams, queryParams } from './validate.ts';
