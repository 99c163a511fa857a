export { type VersionRoutesOptions, versionRoutes } from './routes.ts';
export { stageVersionName, versionOnStageChange } from './stage-versions.ts';
export {
  listVersions,
  type NewVersion,
  readVersion,
  takeVersion,
  type VersionDetail,
  type VersionKind,
  type VersionSummary,
} from './version-store.ts';
