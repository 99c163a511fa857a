import type { Database } from '@quorum/db';
import { type NewDealMeta, sharedDocFromJson } from '@quorum/deal-model';
import * as Y from 'yjs';
import { ApiError } from '../errors/index.ts';
import { findTemplateContent } from './template-store.ts';

/**
 * A new deal's shared document (its first stored update) started from a template: the template's criteria,
 * options, verifiers and objection library, with this deal's `meta`. 400 naming `templateId` when the template is
 * neither built in nor the organization's.
 */
export async function templateSharedUpdate(
  db: Database,
  organizationId: string,
  templateId: string,
  meta: NewDealMeta,
): Promise<Uint8Array> {
  const content = await findTemplateContent(db, organizationId, templateId);
  if (!content) throw ApiError.invalidField('templateId', 'There is no such template in your organization.');
  return Y.encodeStateAsUpdate(sharedDocFromJson(content, meta));
}
