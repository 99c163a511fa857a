export { type ApiTag, type OkResponse, type OperationOptions, operation } from './describe.ts';
export { createOpenApiDocument, type OpenApiDocument } from './document.ts';
export { openApiRoutes } from './routes.ts';
export { jsonBody, pathParams, queryParams } from './validate.ts';
