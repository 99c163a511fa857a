export { provideTopBar, type TopBarContent, TopBarSlots, useTopBar } from './top-bar-slots.svelte.ts';
