import type { RecordKind, ThreadSide } from '@quorum/api-schema';

/** A role on the deal, as the room knows it. */
export type Role = 'seller' | 'mobilizer' | 'manager';

/** The sides a role may write threads on (managers write on none), shared first. */
export function writableSides(role: Role, kind: RecordKind): ThreadSide[] {
  const own: ThreadSide[] = role === 'seller' ? ['shared', 'seller'] : role === 'mobilizer' ? ['shared', 'buyer'] : [];
  if (kind === 'blocker-plan' || kind === 'seller-note') return own.filter((s) => s === 'seller');
  if (kind === 'buyer-note') return own.filter((s) => s === 'buyer');
  return own;
}

/** A side's short name, as the side switch shows it. */
export function sideLabel(side: ThreadSide): string {
  return side === 'shared' ? 'Shared' : 'Private';
}

/** Who reads a side's threads, in words, for the person looking. */
export function sideAudience(side: ThreadSide, role: Role): string {
  if (side === 'shared') {
    return role === 'mobilizer'
      ? 'Everyone on the deal sees this: you and the seller’s team.'
      : 'Everyone on the deal sees this, the buyer’s Mobilizer included.';
  }
  if (side === 'seller')
    return 'Only your team sees this: the sellers on this deal and their managers. Never the buyer.';
  return 'Only your side sees this: the buyer’s Mobilizers. Never the seller.';
}

export { sectionOfRecord } from '@quorum/api-schema';
