import { randomBytes } from 'node:crypto';
import { guidePageParams, voiceAnswerBody } from '@quorum/api-schema';
import type { Database } from '@quorum/db';
import { type GuideProjection, projectObjectionGuide, projectStakeholderGuide, readCriteria } from '@quorum/deal-model';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors/index.ts';
import { jsonBody, pathParams } from '../openapi/index.ts';
import { isAllowedOrigin } from '../origin/index.ts';
import { createLimiterFactory, type LimiterFactory } from '../rate-limit/index.ts';
import { renderVoiceSection, type VoiceDraft, type VoiceFormState, voiceStyles } from '../voices/render-voice.ts';
import { readVoiceView, submitVoiceAnswer, type VoiceLink } from '../voices/voice-service.ts';
import { clientHint } from './client-hint.ts';
import { guideDocs } from './docs.ts';
import { createGuessLimiter, type GuessLimiter } from './guess-limiter.ts';
import { createLinkResolver, isNotice, type Notice, removedGuide, unknownLink } from './link-resolver.ts';
import { type GuideLinkRow, recordGuideLinkView } from './link-store.ts';
import { type OpenSharedDoc, readSharedDoc } from './open-shared-doc.ts';
import { createPdfCache, type PdfCache } from './pdf-cache.ts';
import { ProjectionCache } from './projection-cache.ts';
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
  /** Makes the per-link limit on answers (shared through Redis when the app has it). */
  limiters?: LimiterFactory;
  /** Answers one link may send per hour (default 30): a careless or hostile client cannot flood the room. */
  answersPerHour?: number;
  /**
   * The app's origins: a voice answer sent by a browser must come from one of them (a script without an Origin header
   * is fine: no cookie or session is involved, the link's token is the only credential).
   */
  origins?: readonly string[];
  /** Largest accepted answer body (default 64 KiB); larger ones get 413. */
  maxBodyBytes?: number;
  /** Called once an answer is stored (notifications, webhooks). */
  onAnswer?: (link: VoiceLink) => void | Promise<void>;
  /** How long a fetched link is trusted (default 5 s; a revocation in this process takes effect at once). */
  linkCacheMs?: number;
  /** Called after a view (page or PDF) is logged; `first`: the link's first view (notifications, webhooks). */
  onView?: (link: GuideLinkRow, view: { first: boolean }) => void | Promise<void>;
}

function securityHeaders(c: Context, nonce: string | null): void {
  const policy = nonce
    ? `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`
    : "default-src 'none'; frame-ancestors 'none'";
  c.header('Content-Security-Policy', policy);
  // same-origin, not no-referrer: the link's token never leaves the site, and the voice form's POST still carries an Origin.
  c.header('Referrer-Policy', 'same-origin');
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
  limiters = createLimiterFactory(),
  answersPerHour = 30,
  origins,
  maxBodyBytes = 64 * 1024,
  onAnswer,
  linkCacheMs,
  onView,
}: GuidePageRoutesOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const answerLimit = limiters('voice-answers', { limit: answersPerHour, windowMs: 3_600_000 });

  const resolveLink = createLinkResolver({ db, guessLimiter, trustProxy, now, linkCacheMs });
  const projections = new ProjectionCache();

  /** The guide a token opens now, or the notice to show instead. */
  async function resolve(
    c: Context<AppEnv>,
    token: string | null,
  ): Promise<{ link: GuideLinkRow; guide: GuideProjection } | Notice> {
    const resolved = await resolveLink(c, token);
    if (isNotice(resolved)) return resolved;
    const { link } = resolved;
    const guide = await readSharedDoc(openDoc, link.dealId, (doc) =>
      projections.get(doc, `${link.kind}:${link.stakeholderId ?? ''}`, () =>
        link.kind === 'objections'
          ? projectObjectionGuide(doc)
          : link.stakeholderId
            ? projectStakeholderGuide(doc, link.stakeholderId)
            : null,
      ),
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
    const view = await recordGuideLinkView(db, result.link.id, clientHint(c.req.header('user-agent')), now());
    await onView?.(result.link, view);
    const path = `/g/${c.req.param('token')}`;
    const voice = await voiceSection(result.link, path, { saved: c.req.query('sent') === '1' });
    const nonce = randomBytes(16).toString('base64');
    securityHeaders(c, nonce);
    return c.html(renderGuidePage(result.guide, { nonce, path, refreshMs, extra: voice }));
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
    const view = await recordGuideLinkView(
      db,
      result.link.id,
      `${clientHint(c.req.header('user-agent'))} (PDF)`,
      now(),
    );
    await onView?.(result.link, view);
    const pdf = await pdfCache.pdfFor(result.guide);
    securityHeaders(c, null);
    const name = result.guide.kind === 'objections' ? 'questions-and-answers' : 'briefing';
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${name}.pdf"`,
    });
  });

  /** The stakeholder's "Your view" form under their guide (stakeholder links only). */
  async function voiceSection(
    link: GuideLinkRow,
    path: string,
    { saved = false, error }: { saved?: boolean; error?: VoiceFormState['error'] } = {},
  ): Promise<{ html: string; styles: string } | undefined> {
    const target = voiceLink(link);
    if (!target) return undefined;
    const view = await readVoiceView(db, openDoc, target);
    if (!view) return undefined;
    const savedAt = saved && !error ? view.form.mine?.submittedAt : undefined;
    return { html: renderVoiceSection({ path, ...view, error, savedAt }), styles: voiceStyles };
  }

  /** The link's stakeholder, or the notice for a link that asks nobody's view (the objection guide). */
  async function resolveVoice(
    c: Context<AppEnv>,
    token: string | null,
  ): Promise<{ link: GuideLinkRow; target: VoiceLink } | Notice> {
    const resolved = await resolveLink(c, token);
    if (isNotice(resolved)) return resolved;
    const target = voiceLink(resolved.link);
    return target ? { link: resolved.link, target } : notAStakeholderLink;
  }

  const noticeJson = (c: Context<AppEnv>, notice: Notice) =>
    c.json({ error: { code: notice.code, message: notice.message } }, notice.status);

  app.get('/g/:token/voice', guideDocs.voice, tokenParam, async (c) => {
    securityHeaders(c, null);
    const resolved = await resolveVoice(c, c.req.valid('param').token);
    if (isNotice(resolved)) return noticeJson(c, resolved);
    const view = await readVoiceView(db, openDoc, resolved.target);
    if (!view) return noticeJson(c, removedGuide);
    return c.json({ ...view.form, seenBy: view.seenBy });
  });

  /** A form post (no JavaScript) is answered with the page: redirected after success, re-rendered with what they typed after an error. */
  app.post(
    '/g/:token/voice',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () =>
        new ApiError(413, 'body_too_large', `The answer is larger than ${maxBodyBytes} bytes.`).toResponse(),
    }),
    async (c, next) => {
      const origin = c.req.header('origin');
      if (origin !== undefined && origins && !isAllowedOrigin(origin, origins)) {
        throw ApiError.forbidden(
          'bad_origin',
          'This answer was not sent from the briefing page (its Origin is not allowed).',
        );
      }
      await next();
    },
  );

  app.post('/g/:token/voice', guideDocs.submitVoice, tokenParam, async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') return next();
    const token = c.req.valid('param').token;
    const resolved = await resolveVoice(c, token);
    const nonce = randomBytes(16).toString('base64');
    securityHeaders(c, nonce);
    if (isNotice(resolved))
      return c.html(renderNoticePage(resolved.heading, resolved.message, { nonce }), resolved.status);
    const limited = await answerLimit.hit(resolved.link.id);
    if (!limited.allowed) {
      c.header('Retry-After', String(limited.retryAfterSeconds));
      return c.html(
        renderNoticePage('Too many answers at once', tooManyAnswers(limited.retryAfterSeconds), { nonce }),
        429,
      );
    }
    const form = await c.req.parseBody();
    const draft = draftOf(form);
    const outcome = await submitVoiceAnswer({
      db,
      openDoc,
      link: resolved.target,
      input: { weights: draft.weights, concerns: draft.concerns, missing: draft.missing },
      fromForm: true,
      now: now(),
    });
    const path = `/g/${c.req.param('token')}`;
    if (outcome.ok) {
      await onAnswer?.(resolved.target);
      return c.redirect(`${path}?sent=1#your-view`, 303);
    }
    if (outcome.field === null)
      return c.html(renderNoticePage(removedGuide.heading, removedGuide.message, { nonce }), 410);
    const guide = await readSharedDoc(openDoc, resolved.link.dealId, (doc) =>
      projectStakeholderGuide(doc, resolved.target.stakeholderId),
    );
    if (!guide) return c.html(renderNoticePage(removedGuide.heading, removedGuide.message, { nonce }), 410);
    const voice = await voiceSection(resolved.link, path, {
      error: { field: outcome.field, message: await humanMessage(resolved.link.dealId, outcome), draft },
    });
    return c.html(renderGuidePage(guide, { nonce, path, refreshMs, extra: voice }), 400);
  });

  app.post('/g/:token/voice', jsonBody(voiceAnswerBody), async (c) => {
    securityHeaders(c, null);
    const resolved = await resolveVoice(c, guidePageParams.parse(c.req.param()).token);
    if (isNotice(resolved)) return noticeJson(c, resolved);
    const limited = await answerLimit.hit(resolved.link.id);
    if (!limited.allowed) {
      c.header('Retry-After', String(limited.retryAfterSeconds));
      throw new ApiError(429, 'rate_limited', tooManyAnswers(limited.retryAfterSeconds));
    }
    const outcome = await submitVoiceAnswer({
      db,
      openDoc,
      link: resolved.target,
      input: c.req.valid('json'),
      now: now(),
    });
    if (!outcome.ok) {
      if (outcome.field === null) return noticeJson(c, removedGuide);
      throw ApiError.invalidField(outcome.field, await humanMessage(resolved.link.dealId, outcome));
    }
    await onAnswer?.(resolved.target);
    return c.json({ submittedAt: outcome.submittedAt }, 201);
  });

  /** A refused answer in words: the criterion by its name, not its id. */
  async function humanMessage(dealId: string, { field, message }: { field: string; message: string }): Promise<string> {
    if (field.startsWith('weights.')) {
      const id = field.slice('weights.'.length);
      const name = await readSharedDoc(
        openDoc,
        dealId,
        (doc) => readCriteria(doc).find((criterion) => criterion.id === id)?.name,
      );
      return name ? `The weight for “${name}” ${message}.` : `There is no such criterion any more (${id}).`;
    }
    const label: Record<string, string> = {
      concerns: 'What worries you',
      missing: 'The missing criterion',
      weights: 'Your answer',
      body: 'Your answer',
    };
    return `${label[field] ?? field} ${message}.`;
  }

  return app;
}

/** An answer through a link that asks nobody's view. */
const notAStakeholderLink: Notice = {
  status: 404,
  code: 'not_a_stakeholder_link',
  heading: 'This link does not ask for a view',
  message:
    'This link shares the questions and answers of a decision; only a personal briefing link asks for your view.',
};

function tooManyAnswers(seconds: number): string {
  return `This link has sent many answers in a short time. Try again in ${Math.ceil(seconds / 60)} minute(s).`;
}

/** The link's stakeholder, when it is a stakeholder guide link. */
function voiceLink(link: GuideLinkRow): VoiceLink | null {
  return link.kind === 'stakeholder' && link.stakeholderId
    ? { id: link.id, dealId: link.dealId, stakeholderId: link.stakeholderId }
    : null;
}

/** What a form post carried, as typed (kept when an answer is refused). */
function draftOf(form: Record<string, string | File | (string | File)[]>): VoiceDraft {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const weights: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    if (key.startsWith('weights.')) weights[key.slice('weights.'.length)] = text(value);
  }
  return { weights, concerns: text(form.concerns), missing: text(form.missing) };
}
