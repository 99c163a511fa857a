/** What the invite page shows, decided from the preview and the session. */
export type InviteView = 'invalid' | 'used' | 'expired' | 'unavailable' | 'sign-in' | 'accept';

/**
 * Picks the invite page's view.
 * @param preview - the invite preview, or null when it could not be read
 * @param problem - why the preview could not be read
 * @param signedIn - whether someone is logged in
 */
export function inviteView({
  preview,
  problem,
  signedIn,
}: {
  preview: { expired: boolean; used?: unknown } | null;
  problem: { status: number; code: string } | null;
  signedIn: boolean;
}): InviteView {
  if (!preview) {
    if (problem?.status === 404 || problem?.status === 400) return 'invalid';
    if (problem?.status === 410 && problem.code === 'expired') return 'expired';
    if (problem?.status === 410 || problem?.status === 409) return 'used';
    return 'unavailable';
  }
  if (preview.expired) return 'expired';
  if (preview.used === true) return 'used';
  return signedIn ? 'accept' : 'sign-in';
}
