export { type EnqueueResult, enqueueMail, type OutgoingMail, unsubscribeUrl } from './enqueue-mail.ts';
export { type MailLog, MailOutbox, type MailOutboxOptions } from './mail-outbox.ts';
