export { default as DealExchange } from './DealExchange.svelte';
export { ImportRefused, type ImportRowError, integrationApi } from './integration-api.ts';
export { default as TemplateSelect } from './TemplateSelect.svelte';
export { default as TokensSection } from './TokensSection.svelte';
