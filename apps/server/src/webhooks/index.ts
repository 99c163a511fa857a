export {
  isPublicAddress,
  type ResolvedAddress,
  type Resolver,
  resolveWebhookTarget,
  systemResolver,
  WebhookUrlError,
} from './address-guard.ts';
export { emitWebhook } from './emit-webhook.ts';
export type { WebhookEnvelope, WebhookEventName, WebhookPayloads, WebhookStakeholder } from './events.ts';
export { type GuideWebhookHooksOptions, guideWebhookHooks } from './guide-hooks.ts';
export { type WebhookRoutesOptions, webhookRoutes } from './routes.ts';
export { signatureHeader } from './signature.ts';
export { verifyQuorumSignature } from './verify-signature.ts';
export { WebhookSender, type WebhookSenderOptions, type WebhookSenderStats } from './webhook-sender.ts';
