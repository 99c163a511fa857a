import type { Database } from '@quorum/db';
import {
  projectVoiceForm,
  readCriteria,
  submitVoice,
  type VoiceFormProjection,
  validateVoiceInput,
} from '@quorum/deal-model';
import { readStored } from '../documents/index.ts';
import type { OpenSharedDoc } from '../guides/open-shared-doc.ts';
import { readSharedDoc } from '../guides/open-shared-doc.ts';
import { recordAnswer } from './engagement.ts';
import { type Reader, readSeenBy } from './seen-by.ts';

/** A stakeholder guide link, as far as the voice needs it. */
export interface VoiceLink {
  id: string;
  dealId: string;
  stakeholderId: string;
}

/** What `GET /g/:token/voice` answers (DESIGN.md 7a). */
export interface VoiceView {
  form: VoiceFormProjection;
  seenBy: Reader[];
}

/** The voice form of a link's stakeholder and who will read the answer; null when they left the map. */
export async function readVoiceView(db: Database, openDoc: OpenSharedDoc, link: VoiceLink): Promise<VoiceView | null> {
  const form = await readSharedDoc(openDoc, link.dealId, (doc) => projectVoiceForm(doc, link.stakeholderId));
  if (!form) return null;
  return { form, seenBy: await readSeenBy(db, link.dealId) };
}

/** The outcome of {@link submitVoiceAnswer}. */
export type VoiceSubmission =
  | { ok: true; submittedAt: string }
  | { ok: false; field: string; message: string }
  | { ok: false; field: null; message: string };

/**
 * Writes a stakeholder's answer into the shared document through the room engine (validated by deal-model's one
 * parser of an answer; stored before anyone sees it), waits until it is stored, then logs the answer as an
 * engagement event. A later answer replaces the earlier one.
 */
export async function submitVoiceAnswer({
  db,
  openDoc,
  link,
  input,
  fromForm = false,
  now = new Date(),
}: {
  db: Database;
  openDoc: OpenSharedDoc;
  link: VoiceLink;
  input: unknown;
  fromForm?: boolean;
  now?: Date;
}): Promise<VoiceSubmission> {
  const opened = await openDoc(link.dealId);
  let submittedAt: string;
  try {
    const doc = opened.doc;
    if (!doc.getMap('stakeholders').has(link.stakeholderId)) {
      return { ok: false, field: null, message: 'You are no longer part of this decision’s map.' };
    }
    const check = validateVoiceInput(
      input,
      readCriteria(doc).map((criterion) => criterion.id),
      { fromForm },
    );
    if (!check.ok) return check;
    submittedAt = now.toISOString();
    submitVoice(doc, link.stakeholderId, { ...check.value, submittedAt });
    // The answer counts once it is stored: a crash after this point cannot take it back.
    await readStored([opened], () => undefined);
  } finally {
    opened.release();
  }
  await recordAnswer(db, link.id, now);
  return { ok: true, submittedAt };
}
