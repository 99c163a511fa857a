import { randomBytes } from 'node:crypto';
import { guidePageParams } from '@quorum/api-schema';
import type { Database } from '@quorum/db';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { pathParams } from '../input/index.ts';
import { clientIp } from '../rate-limit/index.ts';
import { clientHint } from './client-hint.ts';
import { guideDocs } from './docs.ts';
import { createGuessLimiter, type GuessLimiter } from './guess-limiter.ts';
import { findGuideLinkByToken, type GuideLinkRow, linkState, recordGuideLinkView } from './link-store.ts';
import { type OpenSharedDoc, readSharedDoc } from './open-shared-doc.ts';
import { createPdfCache, type PdfCache } from './pdf-cache.ts';
import { type GuideProjection, projectObjectionGuide, projectStakeholderGuide } from './projection.ts';
import {
  fragmentVersion,
  guideTitle,
  renderGuideFragment,
  renderGuidePage,
  renderNoticeFragment,
  renderNoticePage,
} from './render-page.ts';

/** Options of {@link guidePageRoutes}. */
export interface GuidePageRoutesOptions {
  db: Database;
  /** Opens a room's document for a server-side read (`engine.openDoc`). */
  openDoc: OpenSharedDoc;
  /** Refuses clients that try too many unknown tokens. */
  guessLimiter?: GuessLimiter;
  /** Rendered PDFs by guide version. */
  pdfCache?: PdfCache;
  /** Take the client's address from `X-Forwarded-For` (only behind a proxy that sets it). */
  trustProxy?: boolean | number;
  /** How often an open page checks for a newer version, in milliseconds. */
  refreshMs?: number;
  now?: () => Date;
}

/** Why a link no longer opens its guide, in words for the colleague holding it. */
interface Notice {
  status: 404 | 410 | 429;
  code: string;
  heading: string;
  message: string;
}

const unknownLink: Notice = {
  status: 404,
  code: 'not_found',
  heading: 'There is no document at this address',
  message: 'Check that the link was copied in full, or ask the colleague who sent it for a new one.',
};

function goneNotice(link: GuideLinkRow, state: 'revoked' | 'expired'): Notice {
  if (state === 'revoked') {
    return {
      status: 410,
      code: 'link_revoked',
      heading: 'This document is no longer shared',
      message: 'The colleague who shared it has withdrawn this link. Ask them if you need it again.',
    };
  }
  const date = link.expiresAt?.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return {
    status: 410,
    code: 'link_expired',
    heading: 'This link has expired',
    message: `It was shared until ${date ?? 'a set date'}. Ask the colleague who sent it for a new one.`,
  };
}

const removedGuide: Notice = {
  status: 410,
  code: 'guide_removed',
  heading: 'This document is no longer available',
  message: 'The person it was written for is no longer part of this decision. Ask the colleague who sent it.',
};

function securityHeaders(c: Context, nonce: string | null): void {
  const policy = nonce
    ? `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`
    : "default-src 'none'; frame-ancestors 'none'";
  c.header('Content-Security-Policy', policy);
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Robots-Tag', 'noindex, nofollow');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Cache-Control', 'no-store');
}

/**
 * The pages behind guide links, needing no account (DESIGN.md section 5, rule 5), to mount at the root
 * before the web app's fallback:
 * - `GET /g/:token`: the guide as a printable page (each view logged with a coarse client hint)
 * - `GET /g/:token/content.json`: the same projection, and its rendered fragment, for the open page to poll
 * - `GET /g/:token/pdf`: the guide as a PDF (logged as a view)
 *
 * Unknown tokens answer 404 and count toward the caller's guess limit (429 once exceeded); withdrawn or
 * expired links answer 410 with a clear notice. Only the shared document is read, and only the
 * projection's fields reach the response.
 */
export function guidePageRoutes({
  db,
  openDoc,
  guessLimiter = createGuessLimiter(),
  pdfCache = createPdfCache(),
  trustProxy = false,
  refreshMs = 3000,
  now = () => new Date(),
}: GuidePageRoutesOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** The guide a token opens now, or the notice to show instead. */
  async function resolve(
    c: Context<AppEnv>,
    token: string | null,
  ): Promise<{ link: GuideLinkRow; guide: GuideProjection } | Notice> {
    const ip = clientIp(c, { trustProxy });
    const wait = await guessLimiter.retryAfterMs(ip);
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      return {
        status: 429,
        code: 'rate_limited',
        heading: 'Too many attempts',
        message: `Too many links that do not exist were tried from your network. Try again in ${Math.ceil(wait / 1000)} seconds.`,
      };
    }
    const link = token ? await findGuideLinkByToken(db, token) : undefined;
    if (!link) {
      await guessLimiter.recordMiss(ip);
      return unknownLink;
    }
    const state = linkState(link, now());
    if (state !== 'active') return goneNotice(link, state);
    const guide = await readSharedDoc(openDoc, link.dealId, (doc) =>
      link.kind === 'objections'
        ? projectObjectionGuide(doc)
        : link.stakeholderId
          ? projectStakeholderGuide(doc, link.stakeholderId)
          : null,
    );
    if (!guide) return removedGuide;
    return { link, guide };
  }

  const tokenParam = pathParams(guidePageParams, { notFound: unknownLink.message });

  app.get('/g/:token', guideDocs.page, tokenParam, async (c) => {
    const result = await resolve(c, c.req.valid('param').token);
    if ('status' in result) {
      const nonce = randomBytes(16).toString('base64');
      securityHeaders(c, nonce);
      return c.html(renderNoticePage(result.heading, result.message, { nonce }), result.status);
    }
    await recordGuideLinkView(db, result.link.id, clientHint(c.req.header('user-agent')), now());
    const nonce = randomBytes(16).toString('base64');
    securityHeaders(c, nonce);
    return c.html(renderGuidePage(result.guide, { nonce, path: `/g/${c.req.param('token')}`, refreshMs }));
  });

  app.get('/g/:token/content.json', guideDocs.content, tokenParam, async (c) => {
    const result = await resolve(c, c.req.valid('param').token);
    securityHeaders(c, null);
    if ('status' in result) {
      const html = renderNoticeFragment(result.heading, result.message);
      return c.json(
        {
          error: { code: result.code, message: result.message },
          title: result.heading,
          html,
          version: fragmentVersion(html),
        },
        result.status,
      );
    }
    const html = renderGuideFragment(result.guide);
    return c.json({ guide: result.guide, title: guideTitle(result.guide), html, version: fragmentVersion(html) });
  });

  app.get('/g/:token/pdf', guideDocs.pdf, tokenParam, async (c) => {
    const result = await resolve(c, c.req.valid('param').token);
    if ('status' in result) {
      const nonce = randomBytes(16).toString('base64');
      securityHeaders(c, nonce);
      return c.html(renderNoticePage(result.heading, result.message, { nonce }), result.status);
    }
    await recordGuideLinkView(db, result.link.id, `${clientHint(c.req.header('user-agent'))} (PDF)`, now());
    const pdf = await pdfCache.pdfFor(result.guide);
    securityHeaders(c, null);
    const name = result.guide.kind === 'objections' ? 'questions-and-answers' : 'briefing';
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${name}.pdf"`,
    });
  });

  return app;
}
