import type { VoiceFormProjection } from '@quorum/deal-model';
import { VOICE_CONCERNS_MAX, VOICE_MISSING_MAX } from '@quorum/deal-model';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Reader } from './seen-by.ts';

/** What the stakeholder typed, kept when an answer is refused so that nothing they wrote is lost. */
export interface VoiceDraft {
  weights: Record<string, string>;
  concerns: string;
  missing: string;
}

/** The state of the voice form on one render of the guide page. */
export interface VoiceFormState {
  /** The link's path (`/g/<token>`); the form posts to `<path>/voice`. */
  path: string;
  form: VoiceFormProjection;
  seenBy: readonly Reader[];
  /** Set when an answer was just refused: the field and the message, and what they typed. */
  error?: { field: string; message: string; draft: VoiceDraft };
  /** Set right after an answer was stored. */
  savedAt?: string;
}

/** Styles of the voice form, appended to the guide page's stylesheet. */
export const voiceStyles = `
.voice{max-width:44rem;margin:0 auto 32px;background:#fff;padding:32px 56px;border:1px solid var(--rule);border-radius:4px;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
.voice h2{margin-top:0}
.voice .weight{display:grid;grid-template-columns:1fr 6rem;gap:4px 16px;align-items:center;padding:12px 0;border-top:1px solid var(--rule)}
.voice .weight label{font-weight:600}
.voice .weight .hint{grid-column:1;margin:0;color:var(--muted);font-size:14px}
.voice .weight input{grid-column:2;grid-row:1 / span 2;width:6rem}
.voice input,.voice textarea{font:inherit;padding:8px 10px;border:1px solid #9aa3b2;border-radius:4px;max-width:100%}
.voice input:focus,.voice textarea:focus{outline:3px solid #9db4f5;outline-offset:1px;border-color:var(--accent)}
.voice textarea{width:100%;min-height:7rem}
.voice .field{display:block;margin:20px 0 6px;font-weight:600}
.voice .wide{width:100%}
.voice button{margin-top:20px;font:600 16px/1 system-ui,-apple-system,"Segoe UI",sans-serif;padding:12px 20px;border:0;border-radius:6px;background:var(--accent);color:#fff;cursor:pointer}
.voice .seen-by{margin-top:20px;padding:12px 16px;background:#f3f5f9;border-radius:4px;font-size:14px}
.voice .saved{padding:12px 16px;background:#e8f5ec;border-left:4px solid #1f7a3d;border-radius:4px}
.voice .error{padding:12px 16px;background:#fdecec;border-left:4px solid #b42318;border-radius:4px}
.voice [aria-invalid=true]{border-color:#b42318;border-width:2px}
@media (max-width:640px){.voice{margin:0;border:0;border-top:1px solid var(--rule);padding:24px}.voice .weight{grid-template-columns:1fr 5rem}.voice .weight input{width:5rem}}
@media print{.voice{display:none}}`;

function readersInWords(readers: readonly Reader[]): string {
  const names = readers.map((reader) => (reader.company ? `${reader.name} (${reader.company})` : reader.name));
  if (names.length === 0) return 'the people running this decision';
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function when(iso: string): string {
  return (
    new Date(iso).toLocaleString('en-GB', {
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
    }) + ' UTC'
  );
}

function sync(fragment: HtmlEscapedString | Promise<HtmlEscapedString>): HtmlEscapedString {
  if (fragment instanceof Promise) throw new Error('the voice form renders synchronously');
  return fragment;
}

/**
 * The "Your view" section under a stakeholder's guide: a plain HTML form (no script needed) asking how much each
 * purchase criterion matters to them, what worries them and what is missing, saying plainly who will read it. Every
 * value is escaped by `hono/html`.
 */
export function renderVoiceSection({ path, form, seenBy, error, savedAt }: VoiceFormState): string {
  const mobilizer = seenBy.find((reader) => reader.role === 'mobilizer');
  const draft: VoiceDraft = error?.draft ?? {
    weights: Object.fromEntries(Object.entries(form.mine?.weights ?? {}).map(([id, weight]) => [id, String(weight)])),
    concerns: form.mine?.concerns ?? '',
    missing: form.mine?.missing ?? '',
  };
  const invalid = (field: string) => (error?.field === field ? 'true' : 'false');
  const criteria = form.criteria.map(
    (criterion) => html`<div class="weight">
      <label for="w-${criterion.id}">${criterion.name || 'Unnamed criterion'}${criterion.mandatory ? ' (a must-have)' : ''}</label>
      ${criterion.description.trim() ? html`<p class="hint" id="h-${criterion.id}">${criterion.description}</p>` : ''}
      <input id="w-${criterion.id}" name="weights.${criterion.id}" type="number" min="0" max="100" step="1" inputmode="numeric" value="${draft.weights[criterion.id] ?? ''}" aria-invalid="${invalid(`weights.${criterion.id}`)}"${criterion.description.trim() ? html` aria-describedby="h-${criterion.id}"` : ''}>
    </div>`,
  );
  const status = error
    ? html`<p class="error" role="alert">${error.message} Nothing you wrote was lost: correct it and send again.</p>`
    : savedAt
      ? html`<p class="saved" role="status">Thank you. Your view was sent on ${when(savedAt)}. You can change it at any time: a new answer replaces this one.</p>`
      : form.mine
        ? html`<p class="saved">You sent your view on ${when(form.mine.submittedAt)}. Change anything below and send again: the new answer replaces it.</p>`
        : '';
  const intro = mobilizer
    ? `${mobilizer.name} is bringing together how everyone involved sees this decision, in their own words.`
    : 'Everyone involved in this decision is asked how they see it, in their own words.';
  const criteriaBlock =
    form.criteria.length > 0
      ? html`<p>How much does each of these matter to you? 0 means not at all, 100 means it decides it for you. Leave out any you have no view on.</p>${criteria}`
      : '';
  return String(
    sync(html`<section class="voice" id="your-view" aria-labelledby="your-view-heading">
  <h2 id="your-view-heading">Your view</h2>
  <p>${intro}</p>
  ${status}
  <form method="post" action="${path}/voice">
    ${criteriaBlock}
    <label class="field" for="concerns">What worries you about this decision? <span class="hint">(optional)</span></label>
    <textarea id="concerns" name="concerns" maxlength="${VOICE_CONCERNS_MAX}" aria-invalid="${invalid('concerns')}">${draft.concerns}</textarea>
    <label class="field" for="missing">Is something that matters to you missing from the list? <span class="hint">(optional)</span></label>
    <input class="wide" id="missing" name="missing" maxlength="${VOICE_MISSING_MAX}" value="${draft.missing}" aria-invalid="${invalid('missing')}">
    <p class="seen-by">Your answer is read by ${readersInWords(seenBy)}. It is not shown to your other colleagues, and you can change it at any time.</p>
    <button type="submit">Send my view</button>
  </form>
</section>`),
  );
}
