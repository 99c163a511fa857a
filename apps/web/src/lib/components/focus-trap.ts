/**
 * The focus behaviour every modal dialog shares (Dialog.svelte): focus moves in when it opens, Tab and Shift+Tab
 * cycle inside it, and focus returns to what opened it when it closes.
 */

const focusableSelector = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[contenteditable="true"]',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** The elements inside `root` that Tab reaches, in order (visible ones only). */
export function focusablesIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(focusableSelector)).filter(
    (element) => !element.closest('[inert]') && element.getClientRects().length > 0,
  );
}

/**
 * The element to focus when a dialog opens: one marked `autofocus` or `data-autofocus`, else the first focusable
 * element of its content (`contentSelector`), else the first focusable element at all.
 */
export function initialFocusIn(root: HTMLElement, contentSelector: string): HTMLElement | null {
  const marked = root.querySelector<HTMLElement>('[autofocus], [data-autofocus]');
  if (marked) return marked;
  const content = root.querySelector<HTMLElement>(contentSelector);
  return (content ? focusablesIn(content)[0] : undefined) ?? focusablesIn(root)[0] ?? null;
}

/**
 * Keeps Tab inside `root`: from the last focusable element Tab wraps to the first, from the first Shift+Tab wraps
 * to the last. Returns true when it moved focus (the event's default was prevented).
 */
export function trapTab(event: KeyboardEvent, root: HTMLElement): boolean {
  if (event.key !== 'Tab') return false;
  const items = focusablesIn(root);
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) {
    event.preventDefault();
    return true;
  }
  const active = root.ownerDocument.activeElement;
  const outside = !(active instanceof HTMLElement) || !root.contains(active);
  if (event.shiftKey && (active === first || outside)) {
    event.preventDefault();
    last.focus();
    return true;
  }
  if (!event.shiftKey && (active === last || outside)) {
    event.preventDefault();
    first.focus();
    return true;
  }
  return false;
}
