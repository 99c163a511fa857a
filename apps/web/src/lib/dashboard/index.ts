export { default as DealCards } from './DealCards.svelte';
export { default as DealTable } from './DealTable.svelte';
export { DashboardState, type DashboardStateOptions } from './dashboard-state.svelte.ts';
export {
  type DealFilter,
  type DealSort,
  type DealStateFilter,
  matchesState,
  percent,
  pipelineCounts,
  type SortKey,
  STAGE_ORDER,
  STATE_FILTERS,
  stageLabel,
  timeAgo,
  visibleRows,
} from './deal-rows.ts';
export { default as HealthBadge } from './HealthBadge.svelte';
export { default as HealthSparkline } from './HealthSparkline.svelte';
export { HEALTH_BANDS, type HealthBand, healthBand } from './health-band.ts';
export { default as LiveIndicator } from './LiveIndicator.svelte';
export { default as PipelineChart } from './PipelineChart.svelte';
export { sparklinePoints } from './sparkline.ts';
export type { DashboardStatus, HealthPoint, LiveState, StatusRisk } from './types.ts';
