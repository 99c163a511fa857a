import { randomBytes } from 'node:crypto';
import { type Database, mailOutbox } from '@quorum/db';
import { canSend, type MailKind } from '../preferences/can-send.ts';
import { getMailPreferences, hashUnsubscribeToken } from '../preferences/preferences.ts';
import {
  type DigestMailData,
  digestMail,
  type GuideActivityMailData,
  guideViewedMail,
  type HealthDroppedMailData,
  healthDroppedMail,
  type InviteMailData,
  inviteMail,
  type MailContent,
  type MentionMailData,
  mentionMail,
  type PasswordResetMailData,
  passwordResetMail,
  type VerifierOverdueMailData,
  type VerifierTickedMailData,
  verifierOverdueMail,
  verifierTickedMail,
  voiceSubmittedMail,
} from '../templates/index.ts';

/** Mail that is always sent and carries no unsubscribe link. */
type TransactionalMail =
  | { kind: 'invite'; data: InviteMailData }
  | { kind: 'password-reset'; data: PasswordResetMailData };

/** Notification mail: governed by the recipient's preferences, with an unsubscribe link. */
type NotificationMail =
  | { kind: 'mention'; data: MentionMailData }
  | { kind: 'guide-viewed'; data: GuideActivityMailData }
  | { kind: 'voice-submitted'; data: GuideActivityMailData }
  | { kind: 'verifier-ticked'; data: VerifierTickedMailData }
  | { kind: 'verifier-overdue'; data: VerifierOverdueMailData }
  | { kind: 'health-dropped'; data: HealthDroppedMailData }
  | { kind: 'digest'; data: DigestMailData };

interface Envelope {
  /**
   * Names the logical message, so enqueueing it again (a retried request, two instances reacting to one event)
   * keeps one mail: `invite:<inviteId>`, `mention:<commentId>:<userId>`, `digest:<userId>:<yyyy-mm-dd>`.
   */
  dedupeKey: string;
  /** The recipient's address. */
  to: string;
}

/** A mail to enqueue: its kind and the data its template needs, plus who gets it. */
export type OutgoingMail = Envelope &
  (
    | (TransactionalMail & { userId?: string | null })
    | (NotificationMail & {
        /** The recipient's account: their preferences decide, and the unsubscribe link acts on them. */
        userId: string;
        /** The app's public origin, for the unsubscribe link. */
        origin: string;
      })
  );

/** What `enqueueMail` did. */
export type EnqueueResult =
  | { status: 'enqueued'; id: string }
  /** A mail with this dedupe key was enqueued before; nothing changed. */
  | { status: 'duplicate' }
  /** The recipient turned this kind of mail off. */
  | { status: 'suppressed' };

/** The link that turns a kind of mail off, as it appears in the mail (the server's route consumes it). */
export function unsubscribeUrl(origin: string, token: string, path = '/unsubscribe'): string {
  const url = new URL(path, origin);
  url.searchParams.set('token', token);
  return url.toString();
}

/**
 * Renders a mail and puts it in the outbox (`mail_outbox`), from which `MailOutbox` sends it. Checks the recipient's
 * preferences first (invites and password resets always go), adds a fresh unsubscribe link to notification mail,
 * and inserts with `ON CONFLICT (dedupe_key) DO NOTHING`, so one logical message is enqueued once. Pass a
 * transaction as `db` to enqueue together with the change that caused the mail.
 */
export async function enqueueMail(db: Database, mail: OutgoingMail): Promise<EnqueueResult> {
  let content: MailContent;
  let link: { url: string; tokenHash: string } | null = null;
  if (mail.kind === 'invite' || mail.kind === 'password-reset') {
    content = renderTransactional(mail);
  } else {
    if (!canSend(mail.kind, await getMailPreferences(db, mail.userId))) return { status: 'suppressed' };
    const token = randomBytes(24).toString('base64url');
    link = { url: unsubscribeUrl(mail.origin, token), tokenHash: hashUnsubscribeToken(token) };
    content = renderNotification(mail, link.url);
  }
  const [row] = await db
    .insert(mailOutbox)
    .values({
      dedupeKey: mail.dedupeKey,
      to: mail.to,
      kind: mail.kind satisfies MailKind,
      userId: mail.userId ?? null,
      ...content,
      unsubscribeUrl: link?.url ?? null,
      unsubscribeTokenHash: link?.tokenHash ?? null,
    })
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  return row ? { status: 'enqueued', id: row.id } : { status: 'duplicate' };
}

function renderTransactional(mail: TransactionalMail): MailContent {
  return mail.kind === 'invite' ? inviteMail(mail.data) : passwordResetMail(mail.data);
}

function renderNotification(mail: NotificationMail, unsubscribeUrl: string): MailContent {
  const links = { unsubscribeUrl };
  switch (mail.kind) {
    case 'mention':
      return mentionMail(mail.data, links);
    case 'guide-viewed':
      return guideViewedMail(mail.data, links);
    case 'voice-submitted':
      return voiceSubmittedMail(mail.data, links);
    case 'verifier-ticked':
      return verifierTickedMail(mail.data, links);
    case 'verifier-overdue':
      return verifierOverdueMail(mail.data, links);
    case 'health-dropped':
      return healthDroppedMail(mail.data, links);
    case 'digest':
      return digestMail(mail.data, links);
  }
}
