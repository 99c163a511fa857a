import { type AuthUser, roomName } from '@quorum/auth';
import { type Database, dealMembers, deals, docUpdates, organizations } from '@quorum/db';
import { eq } from 'drizzle-orm';
import { ApiError } from '../errors/index.ts';
import { templateSharedUpdate } from '../templates/template-documents.ts';
import type { DealRecord } from './deal-access.ts';
import type { InitialDocuments } from './initial-documents.ts';

/**
 * Creates a deal in the caller's organization with the caller as its seller, and stores the initial
 * state of its three documents (one Yjs update per room, from `documents(sellerCompany)`) in the same
 * transaction. 403 `no_organization` when the caller has no organization (buyer accounts cannot). With a
 * `templateId` (a built-in template or one of the organization's), the shared document starts from the template's
 * criteria, options, verifiers and objection library instead; 400 naming `templateId` when there is no such one.
 */
export async function createDeal(
  db: Database,
  user: AuthUser,
  documents: (sellerCompany: string) => InitialDocuments,
  { templateId }: { templateId?: string } = {},
): Promise<DealRecord> {
  const organizationId = user.organizationId;
  if (!organizationId) {
    throw ApiError.forbidden(
      'no_organization',
      'Only members of a seller organization can create deal rooms. Sign up with an organization first.',
    );
  }
  const [org] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) throw ApiError.forbidden('no_organization', 'Your organization no longer exists.');
  const initial = documents(org.name);
  const docs = templateId
    ? {
        ...initial,
        shared: await templateSharedUpdate(db, organizationId, templateId, {
          title: initial.title,
          buyer: initial.buyer,
          seller: org.name,
        }),
      }
    : initial;

  return db.transaction(async (tx) => {
    const [deal] = await tx
      .insert(deals)
      .values({ organizationId, title: docs.title, buyer: docs.buyer, createdBy: user.id })
      .returning();
    await tx.insert(dealMembers).values({ dealId: deal!.id, userId: user.id, role: 'seller' });
    await tx.insert(docUpdates).values([
      { room: roomName(deal!.id, 'shared'), update: docs.shared },
      { room: roomName(deal!.id, 'seller'), update: docs.seller },
      { room: roomName(deal!.id, 'buyer'), update: docs.buyerRoom },
    ]);
    return deal!;
  });
}
