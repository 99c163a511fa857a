export { clientHint } from './client-hint.ts';
export { type GuideLinkPermission, guideLinkAccess } from './deal-access.ts';
export { createGuessLimiter, type GuessLimiter, type GuessLimiterOptions } from './guess-limiter.ts';
export { type LingeringDocsOptions, lingeringDocs } from './lingering-docs.ts';
export { type GuideLinkRoutesOptions, guideLinkRoutes } from './link-routes.ts';
export {
  createGuideLink,
  type GuideLinkState,
  type GuideLinkSummary,
  type GuideLinkTarget,
  type GuideLinkView,
  linkState,
  listGuideLinks,
  revokeGuideLink,
} from './link-store.ts';
export { type OpenedDoc, type OpenSharedDoc, readSharedDoc } from './open-shared-doc.ts';
export { type GuidePageRoutesOptions, guidePageRoutes } from './page-routes.ts';
export { createPdfCache, type PdfCache, type PdfCacheOptions } from './pdf-cache.ts';
export { createPdfWorker, type PdfWorker } from './pdf-renderer.ts';
export { renderGuideFragment, renderGuidePage } from './render-page.ts';
export { renderGuidePdf } from './render-pdf.ts';
