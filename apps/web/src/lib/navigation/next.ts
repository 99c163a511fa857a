/**
 * Where to go after logging in or signing up. Only paths on this site are followed, so a crafted
 * `?next=https://evil.example` cannot send a user elsewhere.
 * @param next - the `next` query parameter
 * @param fallback - where to go when `next` is missing or unsafe
 */
export function safeNext(next: string | null | undefined, fallback = '/deals'): string {
  if (!next) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if ([...next].some((char) => char.charCodeAt(0) < 0x20)) return fallback;
  if (next === '/login' || next.startsWith('/login?') || next === '/signup' || next.startsWith('/signup?'))
    return fallback;
  return next;
}

/** The login page's address that brings the user back to `path` afterwards. */
export function loginUrl(path: string, page: '/login' | '/signup' = '/login'): string {
  const next = safeNext(path, '');
  return next && next !== '/deals' ? `${page}?next=${encodeURIComponent(next)}` : page;
}
