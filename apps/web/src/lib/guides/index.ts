export { default as GuideEditor } from './GuideEditor.svelte';
export { default as GuidesSection } from './GuidesSection.svelte';
export { default as LinksPanel } from './LinksPanel.svelte';
export { lifetimeLabel, timeAgo, viewsLabel } from './link-format.ts';
export {
  type CreatedGuideLink,
  type GuideLinkState,
  type GuideLinkSummary,
  type GuideLinksApi,
  type GuideLinkTarget,
  guideLinksApi,
} from './links-api.ts';
export { GuideLinks, type GuideLinksOptions, sameTarget } from './links-state.svelte.ts';
export { default as ObjectionGuidePane } from './ObjectionGuidePane.svelte';
export { default as ShareLink } from './ShareLink.svelte';
export { type GuideDraft, guideScaffold, isBlankGuide, type ScaffoldInput } from './scaffold.ts';
