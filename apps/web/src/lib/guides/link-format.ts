import type { GuideLinkSummary } from './links-api.ts';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** "just now", "5 min ago", "3 h ago", "2 days ago", or a date for anything older than a week. */
export function timeAgo(iso: string, now: Date): string {
  const ms = now.getTime() - new Date(iso).getTime();
  if (ms < minute) return 'just now';
  if (ms < hour) return `${Math.floor(ms / minute)} min ago`;
  if (ms < day) return `${Math.floor(ms / hour)} h ago`;
  if (ms < 7 * day) {
    const days = Math.floor(ms / day);
    return days === 1 ? 'yesterday' : `${days} days ago`;
  }
  return shortDate(iso);
}

/** "12 Mar 2030". */
export function shortDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** How a link's lifetime reads in the list: "Withdrawn 2 h ago", "Expired 12 Mar 2030", "Expires in 3 days", "No expiry". */
export function lifetimeLabel(link: Pick<GuideLinkSummary, 'state' | 'expiresAt' | 'revokedAt'>, now: Date): string {
  if (link.state === 'revoked') return link.revokedAt ? `Withdrawn ${timeAgo(link.revokedAt, now)}` : 'Withdrawn';
  if (!link.expiresAt) return 'No expiry';
  if (link.state === 'expired') return `Expired ${shortDate(link.expiresAt)}`;
  const left = new Date(link.expiresAt).getTime() - now.getTime();
  if (left < hour) return 'Expires within the hour';
  if (left < day) return `Expires in ${Math.ceil(left / hour)} h`;
  const days = Math.ceil(left / day);
  return days === 1 ? 'Expires tomorrow' : `Expires in ${days} days`;
}

/** "Not opened yet", "1 view", "4 views". */
export function viewsLabel(count: number): string {
  if (count === 0) return 'Not opened yet';
  return count === 1 ? '1 view' : `${count} views`;
}
