import type * as Y from 'yjs';
import { readCriteria } from '../criteria/index.ts';
import { readGuide } from '../guides/index.ts';
import { readStakeholder } from '../stakeholders/index.ts';
import type { CriterionKind } from '../vocabulary/index.ts';
import { readVoice } from './voices.ts';

/** A purchase criterion as a stakeholder answering their link sees it: never its weight, scores or owner. */
export interface VoiceCriterion {
  id: string;
  name: string;
  description: string;
  kind: CriterionKind;
  mandatory: boolean;
}

/** The stakeholder's own last answer, as they gave it. */
export interface OwnVoice {
  weights: Record<string, number>;
  concerns: string;
  missing: string;
  submittedAt: string;
}

/**
 * What the page behind a stakeholder's guide link may show of the buying group's voice (DESIGN.md 7a): their name
 * and title, the criteria in order, the guide's asks and their own last answer. Never another person's weight, a
 * score, an owner, a profile, stance, influence, commitment or note.
 */
export interface VoiceFormProjection {
  stakeholder: { name: string; title: string };
  criteria: VoiceCriterion[];
  asks: string;
  mine: OwnVoice | null;
}

/** The voice form of one stakeholder, or null when they are no longer on the map. */
export function projectVoiceForm(doc: Y.Doc, stakeholderId: string): VoiceFormProjection | null {
  const stakeholder = readStakeholder(doc, stakeholderId);
  if (!stakeholder) return null;
  const voice = readVoice(doc, stakeholderId);
  return {
    stakeholder: { name: stakeholder.name, title: stakeholder.title },
    criteria: readCriteria(doc).map(({ id, name, description, kind, mandatory }) => ({
      id,
      name,
      description,
      kind,
      mandatory,
    })),
    asks: readGuide(doc, stakeholderId)?.asks ?? '',
    mine: voice
      ? { weights: voice.weights, concerns: voice.concerns, missing: voice.missing, submittedAt: voice.submittedAt }
      : null,
  };
}
