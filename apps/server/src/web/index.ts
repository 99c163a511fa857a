export { loadWebBuild } from './load-web-build.ts';
export { type NodeHandler, serveWeb } from './web-handler.ts';
