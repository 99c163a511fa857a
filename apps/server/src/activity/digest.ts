import { type DealRole, dealRole, type OrgRole, roomAccessByRole } from '@quorum/auth';
import { type Database, dealActivity, dealMembers, deals, mailOutbox, users } from '@quorum/db';
import { and, asc, eq, gt, inArray, max } from 'drizzle-orm';
import { toMembership } from '../deals/deal-access.ts';
import type { Mailer } from '../mail/mailer.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Changes listed per deal in a digest; more are summed up in one line. */
const MAX_LINES = 12;

interface Person {
  userId: string;
  email: string;
  name: string;
  organizationId: string | null;
  orgRole: string | null;
}

/** Everyone who may see a deal, with their role (members, and the managers of its organization). */
async function audienceOf(db: Database, deal: { id: string; organizationId: string }) {
  const person = {
    userId: users.id,
    email: users.email,
    name: users.name,
    organizationId: users.organizationId,
    orgRole: users.orgRole,
  };
  const members = await db
    .select({ ...person, membership: dealMembers.role })
    .from(dealMembers)
    .innerJoin(users, eq(users.id, dealMembers.userId))
    .where(eq(dealMembers.dealId, deal.id));
  const managers = await db
    .select(person)
    .from(users)
    .where(and(eq(users.organizationId, deal.organizationId), eq(users.orgRole, 'manager')));
  const byId = new Map<string, { person: Person; role: DealRole }>();
  for (const candidate of [...managers.map((m) => ({ ...m, membership: null })), ...members]) {
    const role = dealRole({
      user: { id: candidate.userId, organizationId: candidate.organizationId, orgRole: candidate.orgRole as OrgRole },
      deal,
      membership: toMembership(candidate.membership),
    });
    if (role) byId.set(candidate.userId, { person: candidate, role });
  }
  return [...byId.values()];
}

/**
 * The daily digest (issue 13): to each person, the changes of the last day in the deals they may see, on the sides they
 * may read (never another side's), made by others and not in an earlier digest; nothing when nothing changed. At most
 * one per person and day (the outbox's dedupe key), and only to people whose `digest` switch is on (the outbox checks).
 * Run it as often as you like (every instance may): it sends each day's digest once. Returns how many were enqueued.
 */
export async function sendDigests({
  db,
  mailer,
  origin,
  now = new Date(),
}: {
  db: Database;
  mailer: Mailer;
  origin: string;
  now?: Date;
}): Promise<number> {
  const from = new Date(now.getTime() - DAY_MS);
  const rows = await db
    .select({
      dealId: dealActivity.dealId,
      side: dealActivity.side,
      actorUserId: dealActivity.actorUserId,
      words: dealActivity.words,
      at: dealActivity.at,
      title: deals.title,
      organizationId: deals.organizationId,
    })
    .from(dealActivity)
    .innerJoin(deals, eq(deals.id, dealActivity.dealId))
    .where(and(gt(dealActivity.at, from), eq(deals.state, 'open')))
    .orderBy(asc(dealActivity.at));
  if (rows.length === 0) return 0;
  const byDeal = new Map<string, typeof rows>();
  for (const row of rows) byDeal.set(row.dealId, [...(byDeal.get(row.dealId) ?? []), row]);

  /** Per person: their address and, per deal, the lines they may read. */
  const digests = new Map<string, { person: Person; deals: Map<string, { title: string; rows: typeof rows }> }>();
  for (const [dealId, dealRows] of byDeal) {
    const first = dealRows[0]!;
    for (const { person, role } of await audienceOf(db, { id: dealId, organizationId: first.organizationId })) {
      const access = roomAccessByRole(role);
      const visible = dealRows.filter(
        (row) => row.actorUserId !== person.userId && access[row.side as keyof typeof access] !== 'none',
      );
      if (visible.length === 0) continue;
      const digest = digests.get(person.userId) ?? { person, deals: new Map() };
      digest.deals.set(dealId, { title: first.title, rows: visible });
      digests.set(person.userId, digest);
    }
  }
  if (digests.size === 0) return 0;

  // What an earlier digest (of the last day) already told each person.
  const previous = await db
    .select({ userId: mailOutbox.userId, at: max(mailOutbox.createdAt) })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.kind, 'digest'),
        inArray(mailOutbox.userId, [...digests.keys()]),
        gt(mailOutbox.createdAt, from),
      ),
    )
    .groupBy(mailOutbox.userId);
  const lastDigest = new Map(previous.map((row) => [row.userId!, row.at]));

  const day = now.toISOString().slice(0, 10);
  let sent = 0;
  for (const [userId, { person, deals: dealMap }] of digests) {
    const since = lastDigest.get(userId);
    const dealsToTell = [...dealMap]
      .map(([dealId, { title, rows: dealRows }]) => {
        const fresh = dealRows.filter((row) => !since || row.at > since);
        const lines = fresh.slice(-MAX_LINES).map((row) => row.words);
        if (fresh.length > MAX_LINES) lines.unshift(`${fresh.length - MAX_LINES} earlier changes`);
        return { title, changes: lines, url: `${origin}/deals/${dealId}` };
      })
      .filter((deal) => deal.changes.length > 0);
    if (dealsToTell.length === 0) continue;
    const result = await mailer.send({
      kind: 'digest',
      dedupeKey: `digest:${userId}:${day}`,
      to: person.email,
      userId,
      origin,
      data: { userName: person.name, deals: dealsToTell, url: `${origin}/` },
    });
    if (result.status === 'enqueued') sent += 1;
  }
  return sent;
}

/**
 * Runs {@link sendDigests} every `everyMs` (default an hour; the first run after `firstAfterMs`, default a minute) until
 * `stop()`; failures are logged and the next run tries again.
 */
export function scheduleDigests(
  options: { db: Database; mailer: Mailer; origin: string },
  { everyMs = 60 * 60 * 1000, firstAfterMs = 60 * 1000, log = console.error } = {},
): { stop(): void } {
  const run = () => {
    sendDigests(options).catch((error: unknown) => log('[activity] the daily digest failed', error));
  };
  const first = setTimeout(run, firstAfterMs);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
