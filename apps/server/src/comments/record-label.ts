import type { RecordKind } from '@quorum/api-schema';
import { readCriteria, readObjections, readPlan, readStakeholder } from '@quorum/deal-model';
import type * as Y from 'yjs';

/**
 * A record's name in words ("objection “Too expensive”"), read from the deal's shared document, or null when the
 * record is not there. Every kind is named from the shared document alone (a Blocker plan and notes by their
 * stakeholder's name), which everyone who may read any side of the deal may read: a label never carries anything of
 * the seller's or the buyer's private document. Notes on the whole deal use the deal's id as their record id.
 */
export function recordLabel(doc: Y.Doc, dealId: string, kind: RecordKind, id: string): string | null {
  const stakeholder = () => readStakeholder(doc, id)?.name ?? null;
  switch (kind) {
    case 'stakeholder':
      return stakeholder();
    case 'criterion': {
      const criterion = readCriteria(doc).find((c) => c.id === id);
      return criterion ? `criterion “${criterion.name}”` : null;
    }
    case 'objection': {
      const objection = readObjections(doc).find((o) => o.id === id);
      return objection ? `objection “${objection.title}”` : null;
    }
    case 'verifier': {
      const verifier = readPlan(doc)
        .flatMap((stage) => stage.verifiers)
        .find((v) => v.id === id);
      return verifier ? `verifier “${verifier.text}”` : null;
    }
    case 'guide': {
      const name = stakeholder();
      return name === null ? null : `${name}’s guide`;
    }
    case 'blocker-plan': {
      const name = stakeholder();
      return name === null ? null : `the Blocker plan for ${name}`;
    }
    case 'seller-note':
    case 'buyer-note': {
      if (id === dealId) return 'the notes';
      const name = stakeholder();
      return name === null ? null : `the notes on ${name}`;
    }
  }
}
