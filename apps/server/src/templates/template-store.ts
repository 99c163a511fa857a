import { type AuthUser, isUuid } from '@quorum/auth';
import { type Database, dealTemplates } from '@quorum/db';
import type { DocumentJson } from '@quorum/deal-model';
import { and, desc, eq } from 'drizzle-orm';
import { BUILT_IN_TEMPLATES } from './builtin.ts';

/** A template as listed. */
export interface TemplateView {
  id: string;
  name: string;
  builtIn: boolean;
  createdAt: string | null;
}

/** Stores an organization's template. */
export async function createTemplate(
  db: Database,
  {
    organizationId,
    name,
    createdBy,
    content,
  }: { organizationId: string; name: string; createdBy: string; content: DocumentJson },
): Promise<TemplateView> {
  const [row] = await db.insert(dealTemplates).values({ organizationId, name, createdBy, content }).returning();
  return { id: row!.id, name: row!.name, builtIn: false, createdAt: row!.createdAt.toISOString() };
}

/** The built-in templates, then the organization's own (newest first). */
export async function listTemplates(db: Database, organizationId: string | null): Promise<TemplateView[]> {
  const builtIn = BUILT_IN_TEMPLATES.map(({ id, name }) => ({ id, name, builtIn: true, createdAt: null }));
  if (!organizationId) return builtIn;
  const rows = await db
    .select({ id: dealTemplates.id, name: dealTemplates.name, createdAt: dealTemplates.createdAt })
    .from(dealTemplates)
    .where(eq(dealTemplates.organizationId, organizationId))
    .orderBy(desc(dealTemplates.createdAt));
  return [...builtIn, ...rows.map((row) => ({ ...row, builtIn: false, createdAt: row.createdAt.toISOString() }))];
}

/** A template's content, if it is built in or belongs to the organization; null otherwise. */
export async function findTemplateContent(
  db: Database,
  organizationId: string,
  templateId: string,
): Promise<DocumentJson | null> {
  const builtIn = BUILT_IN_TEMPLATES.find((template) => template.id === templateId);
  if (builtIn) return builtIn.content();
  if (!isUuid(templateId)) return null;
  const [row] = await db
    .select({ content: dealTemplates.content })
    .from(dealTemplates)
    .where(and(eq(dealTemplates.id, templateId), eq(dealTemplates.organizationId, organizationId)));
  return (row?.content as DocumentJson | undefined) ?? null;
}

/**
 * Deletes one of the organization's templates: its creator or a manager of the organization may. Returns false
 * when there is no such template the user may delete (built-in ones cannot be).
 */
export async function deleteTemplate(db: Database, user: AuthUser, id: string): Promise<boolean> {
  if (!user.organizationId) return false;
  const inOrg = and(eq(dealTemplates.id, id), eq(dealTemplates.organizationId, user.organizationId));
  const mayDelete = user.orgRole === 'manager' ? inOrg : and(inOrg, eq(dealTemplates.createdBy, user.id));
  const rows = await db.delete(dealTemplates).where(mayDelete).returning({ id: dealTemplates.id });
  return rows.length > 0;
}
