import { describe, expect, it } from 'vitest';
import { createTransportFromUrl, MailConfigError } from './index.ts';

describe('createTransportFromUrl', () => {
  it('accepts smtp:// and smtps:// URLs', () => {
    for (const url of ['smtp://127.0.0.1:2525', 'smtps://user:secret@mail.example.com:465']) {
      const transport = createTransportFromUrl(url);
      expect(transport.transporter.name).toBe('SMTP');
      transport.close();
    }
  });

  it.each(['http://mail.example.com', 'mail.example.com:25', '', 'smtp://'])(
    'refuses %j with a MailConfigError',
    (url) => {
      expect(() => createTransportFromUrl(url)).toThrow(MailConfigError);
    },
  );

  it('leaves the password out of the error', () => {
    expect(() => createTransportFromUrl('imap://user:hunter2@mail.example.com')).toThrow(/user:\*\*\*@/);
    expect(() => createTransportFromUrl('imap://user:hunter2@mail.example.com')).not.toThrow(/hunter2/);
  });
});
