import type { Qualification } from './qualification.ts';
import {
  BANT_INFO,
  BANT_KEYS,
  type GoDecision,
  QUALIFICATION_QUESTION_INFO,
  QUALIFICATION_QUESTION_KEYS,
} from './qualification-vocabulary.ts';

/** A summary of the qualification for a dashboard. */
export interface QualificationScore {
  /** BANT elements confirmed, 0–4. */
  bantConfirmed: number;
  bantPartial: number;
  bantUnknown: number;
  questionsYes: number;
  questionsNo: number;
  questionsUnsure: number;
  /** Labels of what is still open: BANT elements unknown and questions not answered. */
  open: string[];
  /**
   * 0–100, Quorum's own calibration (the seed gives no weights): BANT counts two thirds (confirmed 2,
   * partial 1 of 2 points each), the four questions one third (yes 1, unsure ½, no 0).
   */
  score: number;
  decision: GoDecision | null;
}

/** Summarises a qualification (pure): counts, what is open, a 0–100 score and the decision. */
export function qualificationScore({ bant, questions, decision }: Qualification): QualificationScore {
  const states = BANT_KEYS.map((key) => bant[key].state);
  const answers = QUALIFICATION_QUESTION_KEYS.map((key) => questions[key].answer);
  const count = <T>(list: readonly T[], value: T): number => list.filter((item) => item === value).length;
  const bantConfirmed = count(states, 'confirmed');
  const bantPartial = count(states, 'partial');
  const questionsYes = count(answers, 'yes');
  const questionsUnsure = count(answers, 'unsure');
  const bantPoints = (bantConfirmed * 2 + bantPartial) / (BANT_KEYS.length * 2);
  const questionPoints = (questionsYes + questionsUnsure / 2) / QUALIFICATION_QUESTION_KEYS.length;
  return {
    bantConfirmed,
    bantPartial,
    bantUnknown: count(states, 'unknown'),
    questionsYes,
    questionsNo: count(answers, 'no'),
    questionsUnsure,
    open: [
      ...BANT_KEYS.filter((key) => bant[key].state === 'unknown').map((key) => BANT_INFO[key].label),
      ...QUALIFICATION_QUESTION_KEYS.filter((key) => questions[key].answer === null).map(
        (key) => QUALIFICATION_QUESTION_INFO[key].label,
      ),
    ],
    score: Math.round(100 * ((bantPoints * 2) / 3 + questionPoints / 3)),
    decision: decision.value,
  };
}
