import { getContext, type Snippet, setContext } from 'svelte';

/** What a page can put in the top bar. */
export interface TopBarContent {
  switcher?: Snippet | undefined;
  presence?: Snippet | undefined;
  connection?: Snippet | undefined;
}

const key = Symbol('quorum.top-bar');

/** The top bar's slots, owned by the app layout and filled by the page on screen. */
export class TopBarSlots {
  switcher: Snippet | undefined = $state();
  presence: Snippet | undefined = $state();
  connection: Snippet | undefined = $state();

  /**
   * Shows `content` in the top bar; returns a function that takes it out again. Call it inside
   * `$effect` so it is undone when the page goes away:
   * `$effect(() => topBar.fill({ presence, connection }))`, where `presence` and `connection` are
   * snippets declared in the page's markup.
   */
  fill(content: TopBarContent): () => void {
    const before: TopBarContent = { switcher: this.switcher, presence: this.presence, connection: this.connection };
    if ('switcher' in content) this.switcher = content.switcher;
    if ('presence' in content) this.presence = content.presence;
    if ('connection' in content) this.connection = content.connection;
    return () => {
      if ('switcher' in content && this.switcher === content.switcher) this.switcher = before.switcher;
      if ('presence' in content && this.presence === content.presence) this.presence = before.presence;
      if ('connection' in content && this.connection === content.connection) this.connection = before.connection;
    };
  }
}

/** Creates the slots and makes them available to every page below (called by the app layout). */
export function provideTopBar(): TopBarSlots {
  return setContext(key, new TopBarSlots());
}

/** The top bar's slots from a page inside the app layout. */
export function useTopBar(): TopBarSlots {
  const slots = getContext<TopBarSlots | undefined>(key);
  if (!slots) throw new Error('useTopBar() must be called in a page under the app layout (src/routes/deals).');
  return slots;
}
