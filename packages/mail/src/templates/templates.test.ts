import { describe, expect, it } from 'vitest';
import {
  digestMail,
  guideViewedMail,
  healthDroppedMail,
  inviteMail,
  type MailContent,
  mentionMail,
  passwordResetMail,
  verifierOverdueMail,
  verifierTickedMail,
  voiceSubmittedMail,
} from './index.ts';

const hostile = `<script>alert("x")</script> & <img src=x onerror=alert(1)>`;
const unsubscribeUrl = 'https://quorum.example.com/unsubscribe?token=abc';
const url = 'https://quorum.example.com/deals/1';
const links = { unsubscribeUrl };
const expiresAt = new Date('2030-03-04T05:06:00Z');

const notifications: Array<[string, MailContent]> = [
  ['mention', mentionMail({ dealTitle: 'Acme renewal', authorName: 'Mara', excerpt: 'Can you check?', url }, links)],
  ['guide viewed', guideViewedMail({ stakeholderName: 'Henrik', dealTitle: 'Acme renewal', url }, links)],
  ['voice submitted', voiceSubmittedMail({ stakeholderName: 'Henrik', dealTitle: 'Acme renewal', url }, links)],
  [
    'verifier ticked',
    verifierTickedMail(
      { dealTitle: 'Acme renewal', verifierText: 'Security review', tickedByName: 'Jonas', url },
      links,
    ),
  ],
  [
    'verifier overdue',
    verifierOverdueMail({ dealTitle: 'Acme renewal', verifierText: 'Security review', dueAt: expiresAt, url }, links),
  ],
  [
    'health dropped',
    healthDroppedMail({ dealTitle: 'Acme renewal', from: 'green', to: 'amber', topRisk: 'No champion', url }, links),
  ],
  [
    'digest',
    digestMail(
      { userName: 'Mara', deals: [{ title: 'Acme renewal', changes: ['Jonas answered his guide'], url }], url },
      links,
    ),
  ],
];

describe('mail templates', () => {
  it.each(notifications)('%s mail carries the unsubscribe link in text and HTML, and the action link', (_, mail) => {
    expect(mail.text).toContain(`Unsubscribe: ${unsubscribeUrl}`);
    expect(mail.html).toContain(`href="${unsubscribeUrl.replace('&', '&amp;')}"`);
    expect(mail.html).toContain(`href="${url}"`);
    expect(mail.text).toContain(url);
    expect(mail.subject).toContain('Acme renewal');
  });

  it('invite and password reset mails have no unsubscribe link', () => {
    const invite = inviteMail({ dealTitle: 'Acme', inviterName: 'Mara', role: 'mobilizer', url, expiresAt });
    const reset = passwordResetMail({ url, expiresAt });
    for (const mail of [invite, reset]) {
      expect(mail.text).not.toMatch(/unsubscribe/i);
      expect(mail.html).not.toMatch(/unsubscribe/i);
      expect(mail.html).toContain(`href="${url}"`);
      expect(mail.text).toContain('4 Mar 2030, 05:06 UTC');
    }
    expect(invite.subject).toBe('Mara invited you to Acme on Quorum');
    expect(invite.text).toContain("as the buying team's Mobilizer");
    expect(reset.subject).toBe('Reset your Quorum password');
  });

  it('escapes a hostile deal title, name and excerpt in the HTML and keeps them readable in the text', () => {
    const mails = [
      inviteMail({ dealTitle: hostile, inviterName: hostile, role: 'seller', url, expiresAt }),
      mentionMail({ dealTitle: hostile, authorName: hostile, excerpt: hostile, url }, links),
      digestMail({ userName: hostile, deals: [{ title: hostile, changes: [hostile] }], url }, links),
    ];
    for (const mail of mails) {
      expect(mail.html).not.toContain('<script');
      expect(mail.html).not.toContain('<img');
      expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img');
      expect(mail.text).toContain(hostile);
    }
  });

  it('keeps a subject on one line', () => {
    const mail = mentionMail({ dealTitle: 'Acme\r\nBcc: x@evil.test', authorName: 'Mara', excerpt: 'hi', url }, links);
    expect(mail.subject).toBe('Mara mentioned you in Acme Bcc: x@evil.test');
  });

  it('refuses a link that is not http(s)', () => {
    expect(() => passwordResetMail({ url: 'javascript:alert(1)', expiresAt })).toThrow(/http/);
  });

  it('lists each deal of a digest with its changes', () => {
    const mail = digestMail(
      {
        userName: 'Mara',
        deals: [
          { title: 'Acme', changes: ['Mara raised Henrik’s influence to 4', 'Jonas answered his guide'] },
          { title: 'Globex', changes: ['A verifier was ticked'] },
        ],
        url,
      },
      links,
    );
    expect(mail.subject).toBe('What changed in Acme and Globex');
    expect(mail.text).toContain('Acme\n\n- Mara raised Henrik’s influence to 4\n- Jonas answered his guide');
    expect(mail.html).toContain('<li style="margin:0 0 4px;">A verifier was ticked</li>');
  });
});
