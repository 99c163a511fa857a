export { ActivityRecorder, type ActivityRecorderOptions, type LoggedCommitment } from './activity-recorder.ts';
export { recordVisit, SAME_VISIT_MS } from './activity-store.ts';
export { scheduleDigests, sendDigests } from './digest.ts';
export { activityRoutes } from './routes.ts';
export { mailVerifierTicked } from './verifier-mail.ts';
