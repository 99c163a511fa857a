import { type Database, dealMembers, dealStatus, deals, verifierReminders } from '@quorum/db';
import { isoToday, type OverdueVerifier, overdueVerifiers, readPlan } from '@quorum/deal-model';
import { and, eq, sql } from 'drizzle-orm';
import { type OpenSharedDoc, readSharedDoc } from '../guides/open-shared-doc.ts';
import { dealRecipients, type Mailer, type Recipient } from '../mail/index.ts';

/** What the reminder job needs. */
export interface OverdueReminderContext {
  db: Database;
  openDoc: OpenSharedDoc;
  mailer: Mailer;
  /** The app's public origin, for links. */
  origin: string;
}

/** What one run of {@link remindOverdueVerifiers} did. */
export interface ReminderRun {
  /** Deals whose plan had a due date before today. */
  deals: string[];
  /** Reminders sent now: one per overdue verifier and day, whatever the number of recipients. */
  reminded: Array<{ dealId: string; verifierId: string; recipients: string[] }>;
}

/**
 * Reminds people of overdue verifiers (DESIGN.md 7d, issue 13 item 8): for each open deal whose stored status has a
 * `nextVerifierDue` before `today`, reads the shared document (stored state) and, for each verifier due before today
 * and not done that was not reminded today yet, mails its owner when the owner is a member of the deal, else the
 * deal's sellers and Mobilizer. Their mail preferences decide (`verifiers`); each mail has its unsubscribe link. The
 * reminder row and its mails are stored in one transaction, so a verifier is reminded at most once a day even with
 * several instances running the job.
 */
export async function remindOverdueVerifiers(
  { db, openDoc, mailer, origin }: OverdueReminderContext,
  today: string = isoToday(),
): Promise<ReminderRun> {
  const due = await db
    .select({ dealId: deals.id })
    .from(deals)
    .innerJoin(dealStatus, eq(dealStatus.dealId, deals.id))
    .where(and(eq(deals.state, 'open'), sql`(${dealStatus.status} ->> 'nextVerifierDue') < ${today}`));
  const run: ReminderRun = { deals: due.map((d) => d.dealId), reminded: [] };
  for (const { dealId } of due) {
    const overdue = await readSharedDoc(openDoc, dealId, (doc) => overdueVerifiers(readPlan(doc), today));
    if (overdue.length === 0) continue;
    const deal = await dealRecipients(db, dealId, ['seller', 'mobilizer']);
    if (!deal) continue;
    for (const item of overdue) {
      const recipients = await recipientsOf(db, dealId, item, deal.recipients);
      const sent = await db.transaction(async (tx) => {
        const [fresh] = await tx
          .insert(verifierReminders)
          .values({ dealId, verifierId: item.verifier.id, day: today })
          .onConflictDoNothing()
          .returning({ dealId: verifierReminders.dealId });
        if (!fresh) return null;
        for (const person of recipients) {
          await mailer.send(
            {
              kind: 'verifier-overdue',
              dedupeKey: `verifier-overdue:${dealId}:${item.verifier.id}:${today}:${person.userId}`,
              to: person.email,
              userId: person.userId,
              origin,
              data: {
                dealTitle: deal.dealTitle,
                verifierText: item.verifier.text,
                dueAt: new Date(`${item.verifier.dueDate}T00:00:00Z`),
                url: `${origin}/deals/${dealId}/plan`,
              },
            },
            tx as unknown as Database,
          );
        }
        return recipients.map((person) => person.email);
      });
      if (sent) run.reminded.push({ dealId, verifierId: item.verifier.id, recipients: sent });
    }
  }
  if (run.reminded.length > 0) mailer.wake();
  return run;
}

/** The owner when they are a member of the deal; otherwise everyone on its seller and Mobilizer side. */
async function recipientsOf(
  db: Database,
  dealId: string,
  { verifier }: OverdueVerifier,
  everyone: Recipient[],
): Promise<Recipient[]> {
  if (verifier.owner) {
    const [member] = await db
      .select({ userId: dealMembers.userId })
      .from(dealMembers)
      .where(and(eq(dealMembers.dealId, dealId), eq(dealMembers.userId, verifier.owner)));
    const owner = member && everyone.find((person) => person.userId === member.userId);
    if (owner) return [owner];
  }
  return everyone;
}

/** Options of {@link OverdueReminderJob}. */
export interface OverdueReminderJobOptions extends OverdueReminderContext {
  /** How often the job looks (default hourly). */
  intervalMs?: number;
  /** Called with the deals whose plan has passed a due date, so their status (and health) follows the calendar. */
  onDueDeals?: (dealIds: string[]) => void;
  onError?: (error: unknown) => void;
}

/** Runs {@link remindOverdueVerifiers} now and every `intervalMs` until `stop()`. */
export class OverdueReminderJob {
  readonly #options: OverdueReminderJobOptions;
  #timer: ReturnType<typeof setInterval> | undefined;
  #running: Promise<void> | undefined;

  constructor(options: OverdueReminderJobOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#timer) return;
    const { intervalMs = 60 * 60 * 1000 } = this.#options;
    this.#tick();
    this.#timer = setInterval(() => this.#tick(), intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  #tick(): void {
    if (this.#running) return;
    const { onDueDeals, onError = (error) => console.error('[reminders] overdue verifier run failed', error) } =
      this.#options;
    this.#running = remindOverdueVerifiers(this.#options)
      .then((run) => onDueDeals?.(run.deals))
      .catch(onError)
      .finally(() => {
        this.#running = undefined;
      });
  }
}
