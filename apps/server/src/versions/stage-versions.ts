import type { Database } from '@quorum/db';
import { DEAL_STAGE_LABELS, type DealStage } from '@quorum/deal-model';
import type { OpenSharedDoc } from '../guides/open-shared-doc.ts';
import type { StoredStatusChange } from '../status/index.ts';
import { takeVersion } from './version-store.ts';

/** The name of a version taken when the verified stage moved from `from` to `to`. */
export function stageVersionName(from: string, to: string): string {
  const label = (stage: string) => DEAL_STAGE_LABELS[stage as DealStage] ?? stage;
  const order = Object.keys(DEAL_STAGE_LABELS);
  return order.indexOf(to) > order.indexOf(from)
    ? `Verified stage reached: ${label(to)}`
    : `Verified stage moved back: ${label(from)} → ${label(to)}`;
}

/**
 * The status projection's `onStored` hook for versions: when the customer-verified stage of a stored status differs
 * from the one stored before, takes a version of the deal (kind `stage`). A deal's first projection takes none.
 * Returns whether it took one.
 */
export async function versionOnStageChange(
  { db, openDoc }: { db: Database; openDoc: OpenSharedDoc },
  { dealId, previous, status }: StoredStatusChange,
): Promise<boolean> {
  const from = previous?.stage;
  const to = status.stage;
  if (typeof from !== 'string' || typeof to !== 'string' || from === to) return false;
  await takeVersion(db, openDoc, { dealId, name: stageVersionName(from, to), kind: 'stage', createdBy: null });
  return true;
}
