export { forgetUser, rememberDeal, rememberedDeal, rememberedMe, rememberMe } from './device-store.ts';
