import { createDb, type Database, type DbHandle, mailOutbox, users } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { until } from '@quorum/testing';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getMailPreferences, setMailPreferences, unsubscribe } from '../preferences/index.ts';
import { type SmtpSink, type SmtpSinkOptions, startSmtpSink } from '../testing/smtp-sink.ts';
import { createTransportFromUrl, type MailTransport } from '../transport/index.ts';
import { enqueueMail, type MailLog, MailOutbox, type MailOutboxOptions, type OutgoingMail } from './index.ts';

const origin = 'https://quorum.example.com';
const from = 'Quorum <quorum@example.com>';
const expiresAt = new Date('2030-01-01T00:00:00Z');

function invite(n: number, dealTitle = `Deal ${n}`): OutgoingMail {
  return {
    kind: 'invite',
    dedupeKey: `invite:${n}`,
    to: `buyer${n}@example.com`,
    data: { dealTitle, inviterName: 'Mara', role: 'mobilizer', url: `${origin}/invites/${n}`, expiresAt },
  };
}

function collectingLog(): MailLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (message) => lines.push(message), error: (message) => lines.push(message) };
}

describe.each(testDatabaseKinds())('mail outbox on %s', (kind) => {
  let handle: DbHandle & { url?: string };
  let db: Database;
  let userId: string;
  const cleanup: Array<() => Promise<unknown> | unknown> = [];

  beforeEach(async () => {
    handle = await createTestDb(kind);
    db = handle.db;
    const [row] = await db
      .insert(users)
      .values({ email: 'ana@example.com', name: 'Ana', passwordHash: 'x' })
      .returning({ id: users.id });
    userId = row!.id;
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
    await handle.close();
  });

  async function sink(options?: SmtpSinkOptions): Promise<SmtpSink> {
    const started = await startSmtpSink(options);
    cleanup.push(() => started.close());
    return started;
  }
  function transportFor(smtp: SmtpSink): MailTransport {
    const transport = createTransportFromUrl(smtp.url);
    cleanup.push(() => transport.close());
    return transport;
  }
  function outbox(options: Partial<MailOutboxOptions> & { db?: Database }): MailOutbox {
    const worker = new MailOutbox({ db, from, pollMs: 10, backoffBaseMs: 10, log: collectingLog(), ...options });
    cleanup.push(() => worker.stop());
    return worker;
  }
  const rows = () => db.select().from(mailOutbox).orderBy(mailOutbox.dedupeKey);

  it('delivers each message exactly once with two workers on the same database', async () => {
    const smtp = await sink();
    const second = kind === 'postgres' ? await createDb({ url: handle.url, migrate: false, poolSize: 3 }) : handle;
    if (second !== handle) cleanup.push(() => second.close());
    for (let n = 0; n < 30; n++) expect((await enqueueMail(db, invite(n))).status).toBe('enqueued');
    expect(await enqueueMail(db, invite(7))).toEqual({ status: 'duplicate' });

    const a = outbox({ transport: transportFor(smtp), batchSize: 4 });
    const b = outbox({ db: second.db, transport: transportFor(smtp), batchSize: 4 });
    a.start();
    b.start();
    await until(async () => (await rows()).every((row) => row.status === 'sent'));
    await Promise.all([a.stop(), b.stop()]);

    const delivered = smtp.received.map((m) => m.envelope.to[0]).sort();
    expect(delivered).toEqual(Array.from({ length: 30 }, (_, n) => `buyer${n}@example.com`).sort());
    expect(new Set(smtp.received.map((m) => m.mail.messageId)).size).toBe(30);
    expect((await rows()).map((row) => row.attempts)).toEqual(Array(30).fill(1));
    const [first] = smtp.received;
    expect(first!.envelope.from).toBe('quorum@example.com');
    expect(first!.mail.subject).toMatch(/^Mara invited you to Deal \d+ on Quorum$/);
    expect(first!.mail.text).toContain(`${origin}/invites/`);
    expect(first!.mail.html).toContain(`href="${origin}/invites/`);
  });

  it('retries a temporary failure (421) with backoff and delivers the message once', async () => {
    const smtp = await sink({
      onRecipient: (_, previous) => (previous === 0 ? { code: 421, message: 'Try again later' } : undefined),
    });
    await enqueueMail(db, invite(1));
    const worker = outbox({ transport: transportFor(smtp) });
    worker.start();
    await until(async () => (await rows())[0]!.status === 'sent');
    await worker.stop();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.recipients()).toBe(2);
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
  });

  it('marks a permanent failure (550) failed without retrying', async () => {
    const smtp = await sink({ onRecipient: () => ({ code: 550, message: 'No such mailbox' }) });
    await enqueueMail(db, invite(1));
    const log = collectingLog();
    const worker = outbox({ transport: transportFor(smtp), log });
    worker.start();
    await until(async () => (await rows())[0]!.status === 'failed');
    await worker.stop();
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row!.lastError).toContain('550');
    expect(smtp.received).toHaveLength(0);
    expect(smtp.recipients()).toBe(1);
    expect(log.lines.some((line) => line.includes('failed after 1 attempt'))).toBe(true);
  });

  it('gives up on a temporary failure after maxAttempts', async () => {
    const smtp = await sink({ onRecipient: () => ({ code: 451, message: 'Greylisted' }) });
    await enqueueMail(db, invite(1));
    const worker = outbox({ transport: transportFor(smtp), maxAttempts: 3 });
    worker.start();
    await until(async () => (await rows())[0]!.status === 'failed');
    await worker.stop();
    expect(await rows()).toMatchObject([{ status: 'failed', attempts: 3 }]);
    expect(smtp.recipients()).toBe(3);
  });

  it('holds mail without SMTP (logged once, nothing thrown) and sends it once a transport is configured', async () => {
    await enqueueMail(db, invite(1, 'Acme renewal'));
    const log = collectingLog();
    const held = outbox({ log });
    held.start();
    await until(async () => (await rows())[0]!.status === 'held');
    expect(await held.runOnce()).toBe(0);
    await held.stop();
    expect(log.lines).toEqual([
      'mail held (no SMTP configured): "Mara invited you to Acme renewal on Quorum" to buyer1@example.com',
    ]);

    // A later start (another process, same database) with SMTP configured sends what was held.
    const smtp = await sink();
    const sender = outbox({ transport: transportFor(smtp) });
    sender.start();
    await until(async () => (await rows())[0]!.status === 'sent');
    await sender.stop();
    expect(smtp.received.map((m) => m.mail.subject)).toEqual(['Mara invited you to Acme renewal on Quorum']);
  });

  it('reports a row left sending by a crash as failed once its lease passed, and never resends it', async () => {
    const smtp = await sink();
    await enqueueMail(db, invite(1));
    await enqueueMail(db, invite(2));
    await db
      .update(mailOutbox)
      .set({ status: 'sending', attempts: 1, claimedAt: sql`now() - interval '11 minutes'` })
      .where(eq(mailOutbox.dedupeKey, 'invite:1'));
    await db
      .update(mailOutbox)
      .set({ status: 'sending', attempts: 1, claimedAt: sql`now() - interval '1 minute'` })
      .where(eq(mailOutbox.dedupeKey, 'invite:2'));
    const log = collectingLog();
    const worker = outbox({ transport: transportFor(smtp), log });
    expect(await worker.runOnce()).toBe(0);
    expect(await worker.runOnce()).toBe(0);
    const [crashed, inFlight] = await rows();
    expect(crashed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(crashed!.lastError).toContain('outcome unknown after a crash');
    expect(inFlight).toMatchObject({ status: 'sending' });
    expect(smtp.received).toHaveLength(0);
    expect(log.lines.filter((line) => line.includes('outcome unknown'))).toHaveLength(1);
  });

  it('stop() waits for the send in flight, and the row ends sent', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const smtp = await sink({ beforeAccept: () => gate });
    await enqueueMail(db, invite(1));
    const worker = outbox({ transport: transportFor(smtp) });
    worker.start();
    await until(() => smtp.recipients() === 1);
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    for (let i = 0; i < 3; i++) await rows(); // a few database round trips: time for a wrong stop() to resolve
    expect(stopped).toBe(false);
    expect((await rows())[0]!.status).toBe('sending');
    release();
    await stopping;
    expect((await rows())[0]!.status).toBe('sent');
    expect(smtp.received).toHaveLength(1);
  });

  it('leaves no timer running after stop()', async () => {
    const active = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    const baseline = active();
    const log = collectingLog();
    const worker = outbox({ log, pollMs: 600_000 });
    worker.start();
    await enqueueMail(db, invite(1));
    worker.wake();
    await until(() => log.lines.length === 1);
    expect(active()).toBe(baseline + 1); // the next poll
    await worker.stop();
    expect(active()).toBe(baseline);
  });

  it('lets preferences suppress a mention but never an invite; the unsubscribe link turns mentions off', async () => {
    const smtp = await sink();
    const mention = (n: number): OutgoingMail => ({
      kind: 'mention',
      dedupeKey: `mention:${n}:${userId}`,
      to: 'ana@example.com',
      userId,
      origin,
      data: { dealTitle: 'Acme', authorName: 'Mara', excerpt: `Comment ${n}`, url: `${origin}/deals/1` },
    });
    expect((await enqueueMail(db, mention(1))).status).toBe('enqueued');
    const worker = outbox({ transport: transportFor(smtp) });
    worker.start();
    await until(() => smtp.received.length === 1);

    const [mail] = smtp.received;
    const link = /Unsubscribe: (\S+)/.exec(mail!.mail.text ?? '')?.[1];
    expect(link).toMatch(new RegExp(`^${origin}/unsubscribe\\?token=`));
    expect(mail!.mail.html).toContain(`href="${link}"`);
    const header = (name: string) =>
      mail!.mail.headerLines.find((line) => line.key === name)?.line.replace(/\r?\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${link}>`);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

    const token = new URL(link!).searchParams.get('token')!;
    expect(await unsubscribe(db, 'not-a-token')).toBeNull();
    expect(await unsubscribe(db, token)).toMatchObject({ userId, turnedOff: ['mentions'] });
    expect(await getMailPreferences(db, userId)).toMatchObject({ mentions: false, digest: true });

    expect(await enqueueMail(db, mention(2))).toEqual({ status: 'suppressed' });
    await setMailPreferences(db, userId, { mentions: false, guideActivity: false, verifiers: false, health: false });
    const invited = await enqueueMail(db, { ...invite(1), userId, to: 'ana@example.com' });
    expect(invited.status).toBe('enqueued');
    await until(() => smtp.received.length === 2);
    await worker.stop();
    expect(smtp.received.map((m) => m.mail.subject)).toEqual([
      'Mara mentioned you in Acme',
      'Mara invited you to Deal 1 on Quorum',
    ]);
    expect(smtp.received[1]!.mail.headerLines.map((line) => line.key)).not.toContain('list-unsubscribe');
    expect((await rows()).map((row) => row.kind)).toEqual(['invite', 'mention']);
  });

  it('delivers a hostile deal title escaped in the HTML and intact in the text and subject', async () => {
    const smtp = await sink();
    const hostile = `<script>alert("x")</script> & Co`;
    await enqueueMail(db, invite(1, hostile));
    const worker = outbox({ transport: transportFor(smtp) });
    worker.start();
    await until(() => smtp.received.length === 1);
    await worker.stop();
    const { mail } = smtp.received[0]!;
    expect(mail.subject).toBe(`Mara invited you to ${hostile} on Quorum`);
    expect(mail.text).toContain(hostile);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
  });
});
