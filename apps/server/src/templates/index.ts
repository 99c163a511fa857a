export { BUILT_IN_TEMPLATES, type BuiltInTemplate } from './builtin.ts';
export { templateRoutes } from './routes.ts';
export { templateSharedUpdate } from './template-documents.ts';
export {
  createTemplate,
  deleteTemplate,
  findTemplateContent,
  listTemplates,
  type TemplateView,
} from './template-store.ts';
