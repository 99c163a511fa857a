export { type AgendaPhaseGroup, agendaByPhase, progressLabel, weightToAgree } from './agenda.ts';
export { CONCERN_TITLE_MAX, objectionTitleFromConcern } from './concern-objection.ts';
export { type EngagementApi, engagementApi, type StakeholderEngagement } from './engagement-api.ts';
export { type EngagementStatus, GroupEngagement, type GroupEngagementOptions } from './engagement-state.svelte.ts';
export {
  type EngagementMarks,
  engagementMarks,
  groupHearing,
  HEARING_STATES,
  type Hearing,
  type HearingState,
  hearingOf,
} from './hearing.ts';
export { endLabel, type Position, positionsOf, selfReportedIds } from './positions.ts';
