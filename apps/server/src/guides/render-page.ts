import { createHash } from 'node:crypto';
import type { GuideObjection, GuideProjection } from '@quorum/deal-model';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { textBlocks } from './text-blocks.ts';

/** A fragment of HTML built with `hono/html`: every interpolated value is escaped unless wrapped in `raw`. */
type Html = HtmlEscapedString;

/** The guide templates never await anything: their result is a string, never a promise. */
function sync(fragment: Html | Promise<Html>): Html {
  if (fragment instanceof Promise) throw new Error('the guide page renders synchronously');
  return fragment;
}

function prose(text: string): Html[] {
  return textBlocks(text).map((block) =>
    sync(
      block.kind === 'list'
        ? html`<ul>${block.items.map((item) => html`<li>${item}</li>`)}</ul>`
        : html`<p>${block.lines.map((line, index) => (index === 0 ? line : html`<br>${line}`))}</p>`,
    ),
  );
}

function section(heading: string, text: string): Html | string {
  return text.trim() ? sync(html`<section><h2>${heading}</h2>${prose(text)}</section>`) : '';
}

function objection(item: GuideObjection): Html {
  const evidence = item.evidence.trim()
    ? html`<div class="evidence"><h4>What backs this up</h4>${prose(item.evidence)}</div>`
    : '';
  const response = item.response.trim() ? prose(item.response) : html`<p class="empty">Answer to come.</p>`;
  return sync(html`<div class="objection"><h3>${item.title}</h3>${response}${evidence}</div>`);
}

/** A short fingerprint of a rendered fragment: the open page swaps content only when it changes. */
export function fragmentVersion(fragment: string): string {
  return createHash('sha256').update(fragment).digest('base64url').slice(0, 16);
}

/** The document title of a guide, as the browser tab and the PDF metadata show it. */
export function guideTitle(guide: GuideProjection): string {
  const suffix = guide.organization ? ` · ${guide.organization}` : '';
  if (guide.kind === 'objections') return `Questions and answers${suffix}`;
  return `A briefing for ${guide.stakeholder.name || 'you'}${suffix}`;
}

/**
 * The body of a guide as an HTML fragment: every value escaped by `hono/html`, nothing but the projection's fields.
 * The page embeds it, and `content.json` carries it so an open page can swap in the latest version.
 */
export function renderGuideFragment(guide: GuideProjection): string {
  let fragment = fragments.get(guide);
  if (fragment === undefined) {
    fragment = fragmentOf(guide);
    fragments.set(guide, fragment);
  }
  return fragment;
}

/** Rendered fragments by projection object: a projection reused for a burst of loads is rendered once. */
const fragments = new WeakMap<GuideProjection, string>();

function fragmentOf(guide: GuideProjection): string {
  const org = guide.organization || 'Internal';
  const footer = html`<footer>Shared inside ${guide.organization || 'the company'}. Please do not forward it outside.</footer>`;
  if (guide.kind === 'objections') {
    const items = guide.objections.length
      ? guide.objections.map(objection)
      : html`<p class="empty">No questions have been written down yet.</p>`;
    return String(
      sync(
        html`<header><p class="org">${org}</p><h1>Questions and answers</h1><p class="subtitle">The concerns colleagues have raised about this decision, and how we answer them.</p></header><section class="objections">${items}</section>${footer}`,
      ),
    );
  }
  const { stakeholder } = guide;
  const subtitle = stakeholder.title ? html`<p class="subtitle">${stakeholder.title}</p>` : '';
  const body = [
    section('In short', guide.summary),
    section('What matters here', guide.keyMessages),
    section('What we are asking of you', guide.asks),
    guide.objections.length
      ? html`<section class="objections"><h2>Questions you may have</h2>${guide.objections.map(objection)}</section>`
      : '',
  ].filter((part) => String(part) !== '');
  const content = body.length
    ? body
    : html`<p class="empty">This briefing is still being written. It will appear here as soon as it is.</p>`;
  return String(
    sync(
      html`<header><p class="org">${org}</p><h1>A briefing for ${stakeholder.name || 'you'}</h1>${subtitle}</header>${content}${footer}`,
    ),
  );
}

const styles = `
:root{color-scheme:light;--ink:#1d2430;--muted:#5b6474;--rule:#dde1e7;--accent:#2952cc}
*{box-sizing:border-box}
body{margin:0;background:#f6f7f9;color:var(--ink);font:16px/1.65 Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,serif}
.page{max-width:44rem;margin:32px auto;background:#fff;padding:48px 56px;border:1px solid var(--rule);border-radius:4px}
.tools{max-width:44rem;margin:16px auto 0;display:flex;gap:16px;justify-content:flex-end;font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif}
.tools a,.tools button{color:var(--accent);background:none;border:0;padding:0;font:inherit;cursor:pointer;text-decoration:underline}
.live{max-width:44rem;margin:0 auto 32px;color:var(--muted);font:12px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;text-align:right}
header{border-bottom:2px solid var(--ink);padding-bottom:16px;margin-bottom:24px}
.org{margin:0 0 8px;font:600 12px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
h1{font-size:28px;line-height:1.25;margin:0}
.subtitle{margin:4px 0 0;color:var(--muted)}
h2{font-size:20px;margin:32px 0 8px}
h3{font-size:16px;margin:24px 0 4px}
h4{font:600 12px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;letter-spacing:.06em;text-transform:uppercase;color:var(--muted);margin:12px 0 4px}
p{margin:0 0 12px}
ul{margin:0 0 12px;padding-left:24px}
.objection{break-inside:avoid;border-top:1px solid var(--rule);padding-top:4px}
.evidence{border-left:3px solid var(--rule);padding-left:12px}
.empty{color:var(--muted);font-style:italic}
footer{margin-top:40px;padding-top:12px;border-top:1px solid var(--rule);color:var(--muted);font-size:12px}
@media (max-width:640px){.page{margin:0;border:0;padding:24px}}
@media print{
  @page{margin:2cm}
  body{background:#fff;font-size:11pt}
  .tools,.live{display:none}
  .page{margin:0;padding:0;border:0;max-width:none}
  h2,h3{break-after:avoid}
  a{color:inherit;text-decoration:none}
}`;

/** Options of {@link renderGuidePage}. */
export interface GuidePageOptions {
  /** Nonce allowing the page's one inline style and script under its Content-Security-Policy. */
  nonce: string;
  /** Path of the link (`/g/<token>`); the page polls `<path>/content.json` and links `<path>/pdf`. */
  path: string;
  /** How often the open page checks for a newer version, in milliseconds. */
  refreshMs?: number;
  /** A section under the guide, outside the part that refreshes (the stakeholder's own view), with its styles. */
  extra?: { html: string; styles: string };
}

/**
 * The full page behind a guide link: a printable document with a print button, a PDF download and a
 * small script that swaps in the latest version of the guide (or the "withdrawn" notice) as it changes.
 */
export function renderGuidePage(
  guide: GuideProjection,
  { nonce, path, refreshMs = 3000, extra }: GuidePageOptions,
): string {
  const fragment = renderGuideFragment(guide);
  const script = `(()=>{const a=document.getElementById('guide'),s=document.getElementById('live');let t;
async function tick(){try{const r=await fetch(${JSON.stringify(`${path}/content.json`)},{cache:'no-store',headers:{accept:'application/json'}});
const b=await r.json();if(typeof b.html==='string'&&b.version!==a.dataset.version){a.innerHTML=b.html;a.dataset.version=b.version;}
if(typeof b.title==='string')document.title=b.title;
if(!r.ok){document.getElementById('tools')?.remove();s.textContent='';return;}
s.textContent='Up to date';}catch{s.textContent='Offline: showing the last version you received';}
t=setTimeout(tick,${refreshMs});}
document.getElementById('print')?.addEventListener('click',()=>window.print());
t=setTimeout(tick,${refreshMs});})();`;
  // Trusted as HTML, each for its reason: the fragment and `extra` were rendered (and escaped) by their templates;
  // the styles are constants; the script is constant but for the path and the delay, which JSON.stringify and a
  // number keep inside their literals (the path is `/g/<token>`, a token of base64url characters).
  return String(
    sync(
      html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex,nofollow"><meta name="referrer" content="same-origin"><title>${guideTitle(guide)}</title><style nonce="${nonce}">${raw(styles)}${raw(extra?.styles ?? '')}</style></head><body><nav class="tools" id="tools" aria-label="Document actions"><button type="button" id="print">Print</button><a href="${path}/pdf" download>Download PDF</a></nav><main class="page"><article id="guide" aria-live="polite" data-version="${fragmentVersion(fragment)}">${raw(fragment)}</article></main><p class="live" id="live" role="status"></p>${raw(extra?.html ?? '')}<script nonce="${nonce}">${raw(script)}</script></body></html>`,
    ),
  );
}

/** The fragment shown in place of a guide whose link was withdrawn, has expired or never existed. */
export function renderNoticeFragment(heading: string, message: string): string {
  return String(sync(html`<header><h1>${heading}</h1></header><p>${message}</p>`));
}

/** A complete notice page (410, 404, 429): same typography as a guide, no script, no actions. */
export function renderNoticePage(heading: string, message: string, { nonce }: { nonce: string }): string {
  return String(
    sync(
      html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex,nofollow"><meta name="referrer" content="same-origin"><title>${heading}</title><style nonce="${nonce}">${raw(styles)}</style></head><body><main class="page"><article id="guide">${raw(renderNoticeFragment(heading, message))}</article></main></body></html>`,
    ),
  );
}
