export { RoomModel } from './room-model.svelte.ts';
