import type { AuthUser } from '@quorum/auth';

/**
 * A deal status as the server handles it (DESIGN.md section 3): the projection stores and forwards the
 * object `computeStatus` returns without looking inside, except for these fields.
 */
export interface DealStatusView {
  id: string;
  health: number;
  updatedAt?: string;
  [field: string]: unknown;
}

/** Which view of a status a viewer gets: `full` (seller and seller documents) or `shared` (shared document only). */
export type StatusViewKind = 'full' | 'shared';

/** The caller of a status endpoint, as the access rules (`@quorum/auth`) need it. */
export type StatusViewer = Pick<AuthUser, 'id' | 'organizationId' | 'orgRole'>;
