export { DealList } from './deal-list.svelte.ts';
export { roleLabel } from './roles.ts';
export { healthFigure, stageLabel } from './stage.ts';
