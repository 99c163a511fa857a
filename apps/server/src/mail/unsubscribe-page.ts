import type { PreferenceKey } from '@quorum/mail';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** The words for each mail switch, as the confirm page names them. */
export const SWITCH_LABELS: Record<PreferenceKey, string> = {
  mentions: 'mentions of you in comments',
  guideActivity: 'stakeholders opening or answering their guides',
  verifiers: 'verifiers ticked or overdue',
  health: 'a deal’s health dropping a band',
  digest: 'the daily digest',
};

const STYLE = `body{margin:0;background:#f5f6f8;color:#1d2433;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:32rem;margin:64px auto;background:#fff;padding:32px 40px;border:1px solid #dde1e8;border-radius:6px}
h1{font-size:22px;margin:0 0 12px}button{font:600 16px/1 inherit;padding:12px 18px;border-radius:6px;cursor:pointer;margin:8px 8px 0 0}
.primary{background:#2f5bd3;color:#fff;border:0}.secondary{background:#fff;color:#2f5bd3;border:1px solid #2f5bd3}
p.fine{color:#5b6475;font-size:14px}a{color:#2f5bd3}`;

function page(title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>, nonce: string) {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${title} · Quorum</title>
    <style nonce="${nonce}">
      ${STYLE}
    </style>
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>`;
}

/**
 * The confirm page of an unsubscribe link (`GET`): link scanners prefetch links, so nothing changes until the person
 * presses a button, which posts the form back to the same address.
 */
export function renderUnsubscribeConfirm({
  action,
  turnsOff,
  nonce,
}: {
  action: string;
  turnsOff: PreferenceKey | null;
  nonce: string;
}) {
  const what = turnsOff ? SWITCH_LABELS[turnsOff] : 'this kind of mail';
  return page(
    'Unsubscribe',
    html`<h1>Stop these mails?</h1>
      <p>You will no longer get mail from Quorum about ${what}.</p>
      <form method="post" action="${action}">
        <button class="primary" type="submit" name="scope" value="this">Unsubscribe</button>
        <button class="secondary" type="submit" name="scope" value="all">Stop all Quorum notification mail</button>
      </form>
      <p class="fine">Invites and password resets are always sent. You can turn mails back on from your account page.</p>`,
    nonce,
  );
}

/** The page after an unsubscribe was applied. */
export function renderUnsubscribed({
  turnedOff,
  origin,
  nonce,
}: {
  turnedOff: PreferenceKey[];
  origin: string;
  nonce: string;
}) {
  const list = turnedOff.map((key) => SWITCH_LABELS[key]).join(', ');
  return page(
    'Unsubscribed',
    html`<h1>You are unsubscribed</h1>
      <p>${turnedOff.length > 0 ? `Quorum will no longer mail you about ${list}.` : 'Nothing more to turn off.'}</p>
      <p class="fine">Changed your mind? <a href="${`${origin}/account`}">Turn mails back on in your account</a>.</p>`,
    nonce,
  );
}

/** The page of an unknown unsubscribe link. */
export function renderUnknownLink(nonce: string) {
  return page(
    'Link not valid',
    html`<h1>This link is not valid</h1>
      <p>Check that you opened the whole link from the mail. You can also change which mails you get on your account page.</p>`,
    nonce,
  );
}
