import { dealTemplate, dealTemplateList, deleted } from '@quorum/api-schema';
import { operation } from '../openapi/index.ts';

/** OpenAPI descriptions of the template routes. */
export const templateDocs = {
  create: operation({
    tag: 'Deals',
    summary: 'Save a deal as a template',
    description:
      'An organization playbook from a deal’s criteria (no owners, scores or weights), options (the status quo kept), plan verifiers (none done) and objection library (none raised by anyone, all open); never stakeholders, guides, voices or notes. Sellers on the deal and managers of its organization may.',
    ok: { status: 201, description: 'The template.', schema: dealTemplate },
    errors: {
      400: 'A field is missing or wrong.',
      401: 'No valid session or token.',
      403: 'The caller is not a seller or manager of the deal’s organization (`not_allowed`).',
      404: 'No such deal, or the caller may not see it.',
    },
  }),
  list: operation({
    tag: 'Deals',
    summary: 'List templates',
    description:
      'The built-in ones (the sample deal), then the organization’s own; start a deal from one with `POST /api/deals {templateId}`.',
    ok: { description: 'The templates.', schema: dealTemplateList },
    errors: { 401: 'No valid session or token.' },
  }),
  remove: operation({
    tag: 'Deals',
    summary: 'Delete a template',
    description: 'Its creator or a manager of the organization may; built-in templates cannot be deleted.',
    ok: { description: 'The template is gone.', schema: deleted },
    errors: { 401: 'No valid session or token.', 404: 'No such template the caller may delete.' },
  }),
};
