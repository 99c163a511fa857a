export { readEngagement, recordAnswer, type StakeholderEngagement } from './engagement.ts';
export { engagementRoutes } from './engagement-routes.ts';
export { type Reader, readSeenBy } from './seen-by.ts';
export { readVoiceView, submitVoiceAnswer, type VoiceLink, type VoiceView } from './voice-service.ts';
