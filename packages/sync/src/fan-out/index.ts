export type { FanOut, FanOutMessage, Unsubscribe } from './fan-out.ts';
export { InProcessFanOut } from './in-process-fan-out.ts';
