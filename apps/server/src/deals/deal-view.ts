import type { DealState } from '@quorum/api-schema';
import { type DealRole, roomAccessByRole, roomName } from '@quorum/auth';
import type { DealRecord } from './deal-access.ts';

/** A deal as the API returns it. */
export interface DealView {
  id: string;
  title: string;
  buyer: string;
  createdAt: string;
  /** The deal's life: `open`, `won`, `lost`, `no-decision` or `archived`. */
  state: DealState;
  /** Why it was closed or archived (null while open). */
  stateReason: string | null;
  /** The caller's role: `seller`, `mobilizer`, or `manager` (read-only). */
  role: DealRole;
  /** Room names and what the caller may do in each (`write` | `read` | `none`). */
  rooms: { name: string; kind: 'shared' | 'seller' | 'buyer'; access: 'write' | 'read' }[];
  /** The stored status (DESIGN.md section 3): the buyer's view for a mobilizer; null until first computed. */
  status: unknown;
}

/** Renders a deal for a caller with `role`; `status` and `sharedStatus` come from `deal_status`. */
export function dealView(
  deal: DealRecord,
  role: DealRole,
  stored: { status: unknown; sharedStatus: unknown } | null,
): DealView {
  const access = roomAccessByRole(role);
  return {
    id: deal.id,
    title: deal.title,
    buyer: deal.buyer,
    createdAt: deal.createdAt.toISOString(),
    state: deal.state as DealState,
    stateReason: deal.stateReason,
    role,
    rooms: (['shared', 'seller', 'buyer'] as const).flatMap((kind) => {
      const a = access[kind];
      return a === 'none' ? [] : [{ name: roomName(deal.id, kind), kind, access: a }];
    }),
    status: stored ? (role === 'mobilizer' ? stored.sharedStatus : stored.status) : null,
  };
}

/** GET /api/deals/:id: `{deal, role, rooms, status}` (the shape the web app's `DealDetail` reads). */
export interface DealDetailView {
  deal: { id: string; title: string; buyer: string; createdAt: string; state: DealState; stateReason: string | null };
  role: DealRole;
  rooms: DealView['rooms'];
  status: unknown;
}

/** Renders the detail of one deal for a caller with `role`. */
export function dealDetailView(
  deal: DealRecord,
  role: DealRole,
  stored: { status: unknown; sharedStatus: unknown } | null,
): DealDetailView {
  const { id, title, buyer, createdAt, state, stateReason, rooms, status } = dealView(deal, role, stored);
  return { deal: { id, title, buyer, createdAt, state, stateReason }, role, rooms, status };
}
