export { createTransportFromUrl, type MailTransport } from './create-transport.ts';
export { MailConfigError } from './errors.ts';
