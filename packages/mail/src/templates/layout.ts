import { html, type SafeHtml } from './html.ts';

/** A rendered mail: subject, plain text and HTML. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** One block of a mail's body, written as plain text (the layout escapes it for HTML). */
export type Block =
  | string
  | { quote: string }
  | { list: string[] }
  | { heading: string; url?: string }
  | { fine: string };

/** What every mail is made of. */
export interface MailLayout {
  subject: string;
  /** The first line a mail client shows after the subject. */
  preheader: string;
  heading: string;
  blocks: Block[];
  action?: { label: string; url: string };
  /** Why this person gets this mail, shown above the unsubscribe link. */
  reason?: string;
  /** One-click unsubscribe from this kind of mail; omitted for invites and password resets. */
  unsubscribeUrl?: string;
}

const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const INK = '#1f2328';
const MUTED = '#656d76';
const ACCENT = '#3b5bdb';

/**
 * Renders a mail as plain text and as a single-column, inline-styled HTML page (tables for layout, no external
 * assets, no scripts) that reads well in mail clients. Every text is escaped; links must be http(s).
 */
export function renderMail({
  subject,
  preheader,
  heading,
  blocks,
  action,
  reason,
  unsubscribeUrl,
}: MailLayout): MailContent {
  if (action) assertHttpUrl(action.url);
  if (unsubscribeUrl) assertHttpUrl(unsubscribeUrl);
  return {
    subject: oneLine(subject),
    text: renderText({ heading, blocks, action, reason, unsubscribeUrl }),
    html: renderHtml({ subject, preheader, heading, blocks, action, reason, unsubscribeUrl }).value,
  };
}

function renderText({
  heading,
  blocks,
  action,
  reason,
  unsubscribeUrl,
}: Pick<MailLayout, 'heading' | 'blocks' | 'action' | 'reason' | 'unsubscribeUrl'>): string {
  const parts: string[] = [heading];
  for (const block of blocks) {
    if (typeof block === 'string') parts.push(block);
    else if ('quote' in block)
      parts.push(
        block.quote
          .split('\n')
          .map((line) => `> ${line}`)
          .join('\n'),
      );
    else if ('list' in block) parts.push(block.list.map((item) => `- ${item}`).join('\n'));
    else if ('heading' in block) parts.push(block.url ? `${block.heading}\n${block.url}` : block.heading);
    else parts.push(block.fine);
  }
  if (action) parts.push(`${action.label}: ${action.url}`);
  const footer = ['-- ', 'Quorum'];
  if (reason) footer.push(reason);
  if (unsubscribeUrl) footer.push(`Unsubscribe: ${unsubscribeUrl}`);
  parts.push(footer.join('\n'));
  return `${parts.join('\n\n')}\n`;
}

function renderHtml({ subject, preheader, heading, blocks, action, reason, unsubscribeUrl }: MailLayout): SafeHtml {
  const p = `margin:0 0 16px;font-size:15px;line-height:1.55;color:${INK};`;
  const body = blocks.map((block) => {
    if (typeof block === 'string') return html`<p style="${p}">${block}</p>`;
    if ('quote' in block)
      return html`<blockquote style="margin:0 0 16px;padding:8px 14px;border-left:3px solid #d0d7de;color:${INK};font-size:15px;line-height:1.55;white-space:pre-wrap;">${block.quote}</blockquote>`;
    if ('list' in block)
      return html`<ul style="margin:0 0 16px;padding-left:20px;font-size:15px;line-height:1.55;color:${INK};">${block.list.map((item) => html`<li style="margin:0 0 4px;">${item}</li>`)}</ul>`;
    if ('heading' in block)
      return html`<h2 style="margin:20px 0 8px;font-size:16px;line-height:1.4;color:${INK};">${
        block.url
          ? html`<a href="${block.url}" style="color:${INK};text-decoration:none;">${block.heading}</a>`
          : block.heading
      }</h2>`;
    return html`<p style="margin:0 0 16px;font-size:13px;line-height:1.5;color:${MUTED};">${block.fine}</p>`;
  });
  const button = action
    ? html`<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 24px;"><tr><td style="border-radius:6px;background:${ACCENT};"><a href="${action.url}" style="display:inline-block;padding:10px 18px;font-size:15px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:6px;">${action.label}</a></td></tr></table>
<p style="margin:0 0 16px;font-size:13px;line-height:1.5;color:${MUTED};">Or open this link: <a href="${action.url}" style="color:${ACCENT};word-break:break-all;">${action.url}</a></p>`
    : null;
  const footer = html`<p style="margin:0;font-size:12px;line-height:1.5;color:${MUTED};">Quorum${reason ? html` · ${reason}` : null}${
    unsubscribeUrl
      ? html`<br><a href="${unsubscribeUrl}" style="color:${MUTED};text-decoration:underline;">Unsubscribe</a>`
      : null
  }</p>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${oneLine(subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f6f8fa;">
<div style="display:none;max-height:0;overflow:hidden;">${preheader}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f6f8fa;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid #d0d7de;border-radius:8px;font-family:${FONT};">
<tr><td style="padding:28px 28px 8px;">
<h1 style="margin:0 0 16px;font-size:20px;line-height:1.35;color:${INK};">${heading}</h1>
${body}
${button}
</td></tr>
<tr><td style="padding:16px 28px 24px;border-top:1px solid #eaeef2;">${footer}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

function assertHttpUrl(url: string): void {
  const protocol = URL.canParse(url) ? new URL(url).protocol : '';
  if (protocol !== 'http:' && protocol !== 'https:') throw new TypeError(`A mail link must be http(s) (got "${url}").`);
}

/** Subjects are one line: newlines and runs of spaces fold into one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A date as people read it in a mail, in UTC so every reader sees the same moment. */
export function formatDate(date: Date): string {
  return `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;
}
