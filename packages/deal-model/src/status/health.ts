import type { Criterion, OptionScore } from '../criteria/index.ts';
import { type Objection, objectionName } from '../objections/index.ts';
import type { DealOption } from '../options/index.ts';
import { type BlockerPlan, hasBlockerPlan } from '../seller-doc/index.ts';
import type { Stakeholder } from '../stakeholders/index.ts';
import {
  BLOCKER_ACTION_INFO,
  COMMITMENT_STAGES,
  type CommitmentStage,
  DEAL_STAGE_LABELS,
  PLAN_STAGE_IDS,
} from '../vocabulary/index.ts';
import type { Consensus } from './consensus.ts';
import { isMobilizerOnSide } from './group-counts.ts';
import { AVERAGE_GROUP_SIZE, purchaseIntent } from './intent-curve.ts';
import { RISK_SOURCES } from './risk-sources.ts';
import type { HealthBand, Risk, RiskSeverity } from './status-types.ts';

/**
 * The model's calibration: the seed's figures where it has one, Quorum's judgement (documented in
 * docs/health-model.md) where it does not.
 */
export const HEALTH_MODEL = {
  /** Seed 003: one or more Blockers cut the chance of a quality sale by 47 %. */
  blockerCut: 0.47,
  /** Quorum: a chosen plan halves a Blocker's cut (seller view only). */
  blockerCutWithPlan: 0.235,
  /** Quorum: an unmanaged Blocker (seller view) keeps the deal red: health at most this. */
  unmanagedBlockerCap: 39,
  /** Seed 003: a fully dysfunctional group is 50 % less likely to pay a premium. */
  dysfunctionCut: 0.5,
  /** Quorum: the group-size factor never goes below this (the seed's curve stops at six people). */
  groupSizeFloor: 0.5,
  /** Quorum: health multiplier with no Mobilizer on the seller's side. */
  noMobilizer: 0.7,
  /** Quorum: largest cut for an unmapped buying group (nobody mapped of the average 5.4). */
  underMappedCut: 0.25,
  /** Quorum: each unit of influence-weighted open-objection load divides health by (1 + this × load). */
  objectionLoad: 0.1,
  /** Quorum: the open-objection factor never goes below this. */
  objectionFloor: 0.5,
  /** Quorum: health multiplier with no stage verified; rises linearly to 1 when closed. */
  unverifiedStage: 0.85,
  /** Quorum: cut per unit of commitment shortfall against the verified stage. */
  commitmentCut: 0.5,
  /** Quorum: cut per overdue verifier of the mutual plan (a commitment the group let slip). */
  overdueVerifierCut: 0.04,
  /** Quorum: the overdue-verifier factor never goes below this. */
  overdueVerifierFloor: 0.8,
  /** Quorum: multiplier when the group's weighted scores put doing nothing first. */
  statusQuoLeading: 0.85,
  /** Quorum: largest cut when nobody of the mapped group has been heard in their own words. */
  groupNotHeardCut: 0.15,
  /** The share of mapped stakeholders who must have answered themselves for the group to count as heard. */
  heardThreshold: 0.5,
  /** Consensus below this is reported as dysfunction. */
  dysfunctionThreshold: 0.75,
} as const;

/** What the health model reads: plain snapshots of the shared document (and the seller's Blocker plans). */
export interface HealthInput {
  stakeholders: readonly Stakeholder[];
  criteria: readonly Criterion[];
  options: readonly DealOption[];
  optionScores: readonly OptionScore[];
  objections: readonly Objection[];
  consensus: Consensus;
  /** 0–5: stages verified in order. */
  stageIndex: number;
  /** Mapped stakeholders who have given their own answer (`voices`). Default 0. */
  heardFrom?: number;
  /** Verifiers past their due date and not done (`overdueVerifiers`). Default 0. */
  overdueVerifiers?: number;
  /** The seller document's Blocker plans; undefined for the shared view (nothing about plans is used). */
  blockerPlans?: Readonly<Record<string, BlockerPlan>>;
}

/** One multiplier of the health product (1 = no effect). */
export interface HealthFactor {
  /** The factor's code: the code of the risk it explains, or e.g. `verified-stage`. */
  code: string;
  effect: number;
}

/** Health 0–100, its band, the risks that explain it and every multiplier that made it. */
export interface HealthResult {
  health: number;
  band: HealthBand;
  risks: Risk[];
  /** Every multiplier applied (health = 100 × their product, capped); the risks explain the ones below 1. */
  factors: HealthFactor[];
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** The band of a health score: green ≥ 70, amber 40–69, red < 40. */
export function healthBand(health: number): HealthBand {
  return health >= 70 ? 'green' : health >= 40 ? 'amber' : 'red';
}

const pct = (value: number): string => `${Math.round(value * 100)} %`;
const SEVERITY_RANK: Record<RiskSeverity, number> = { high: 0, medium: 1, low: 2 };

/** Position of a commitment stage along the process map: unaware 0 … committed 1. */
export function commitmentProgress(stage: CommitmentStage): number {
  return COMMITMENT_STAGES.indexOf(stage) / (COMMITMENT_STAGES.length - 1);
}

function describe(s: Stakeholder): string {
  return s.title ? `${s.name || 'Unnamed'} (${s.title})` : s.name || 'An unnamed stakeholder';
}

/**
 * Computes health and risks (docs/health-model.md): 100 × the product of every factor's multiplier,
 * rounded; an unmanaged Blocker (seller view) caps it at 39.
 */
export function computeHealth(input: HealthInput): HealthResult {
  const {
    stakeholders,
    criteria,
    options,
    optionScores,
    objections,
    consensus,
    stageIndex,
    heardFrom = 0,
    overdueVerifiers = 0,
    blockerPlans,
  } = input;
  const risks: Risk[] = [];
  const factors: HealthFactor[] = [];
  const factor = (code: string, effect: number): number => {
    factors.push({ code, effect: round3(effect) });
    return effect;
  };
  const add = (risk: Risk): void => {
    risks.push({ ...risk, effect: round3(risk.effect) });
  };
  const n = stakeholders.length;
  const byId = new Map(stakeholders.map((s) => [s.id, s]));
  let cap = 100;

  // 1. Group size against CEB's intent curve (never rewards mapping fewer than the average 5.4).
  if (n > AVERAGE_GROUP_SIZE) {
    const effect = factor(
      'large-buying-group',
      Math.max(HEALTH_MODEL.groupSizeFloor, purchaseIntent(n) / purchaseIntent(AVERAGE_GROUP_SIZE)),
    );
    add({
      code: 'large-buying-group',
      severity: effect < 0.7 ? 'high' : effect < 0.9 ? 'medium' : 'low',
      message: `${n} people in the buying group: purchase intent falls from 81 % with one person to 31 % with six; with ${n} it is about ${Math.round(purchaseIntent(n))} % (${Math.round(purchaseIntent(AVERAGE_GROUP_SIZE))} % for the average group of 5.4).`,
      source: RISK_SOURCES.intentCurve,
      effect,
    });
  }

  // 2. Coverage: fewer people mapped than the average group means unknown stakeholders (maybe Blockers).
  if (n < AVERAGE_GROUP_SIZE) {
    const effect = factor(
      'under-mapped',
      1 - HEALTH_MODEL.underMappedCut * ((AVERAGE_GROUP_SIZE - n) / AVERAGE_GROUP_SIZE),
    );
    add({
      code: 'under-mapped',
      severity: n <= 2 ? 'medium' : 'low',
      message:
        n === 0
          ? 'No stakeholder is mapped yet: a typical purchase involves 5.4 people, each able to stop the deal.'
          : `Only ${n} of a typical 5.4 stakeholders mapped: the people not yet found may include a Blocker.`,
      source: RISK_SOURCES.groupSize,
      effect,
    });
  }

  // 3. Mobilizer on the seller's side.
  const mobilizers = stakeholders.filter(isMobilizerOnSide);
  if (mobilizers.length === 0) {
    const talkers = stakeholders.filter((s) => s.group === 'talker' && s.stance >= 1);
    const latent = stakeholders.filter((s) => s.group === 'mobilizer');
    let message =
      'No Mobilizer (Go-Getter, Teacher or Skeptic with a supportive stance): nobody inside the customer is building the group’s consensus.';
    if (talkers.length > 0) {
      message = `Only Talkers support you (${talkers.map(describe).join(', ')}): they give access, not consensus. Star sellers win through Mobilizers (Go-Getter, Teacher, Skeptic).`;
    }
    if (latent.length > 0) message += ` ${latent.map(describe).join(', ')} could mobilize but is not yet supportive.`;
    const code = talkers.length > 0 ? 'only-talkers' : 'no-mobilizer';
    add({
      code,
      severity: n >= 3 ? 'high' : 'medium',
      message,
      source: RISK_SOURCES.mobilizer,
      effect: factor(code, HEALTH_MODEL.noMobilizer),
    });
  }

  // 4. Blockers: the seed's 47 % cut each; in the seller view a plan halves it, its absence caps health.
  for (const blocker of stakeholders.filter((s) => s.group === 'blocker')) {
    const base = `${describe(blocker)} is profiled as a Blocker: Blockers cut the chance of a high-quality sale by 47 %.`;
    if (!blockerPlans) {
      add({
        code: 'blocker',
        severity: 'high',
        message: base,
        source: RISK_SOURCES.blocker,
        effect: factor('blocker', 1 - HEALTH_MODEL.blockerCut),
        stakeholderId: blocker.id,
      });
      continue;
    }
    const plan = blockerPlans[blocker.id];
    if (hasBlockerPlan(plan)) {
      add({
        code: 'blocker',
        severity: 'medium',
        message: `${base} Plan: ${BLOCKER_ACTION_INFO[plan!.action!].label.toLowerCase()}.`,
        source: `${RISK_SOURCES.blocker}; ${RISK_SOURCES.blockerPlan}`,
        effect: factor('blocker', 1 - HEALTH_MODEL.blockerCutWithPlan),
        stakeholderId: blocker.id,
      });
    } else {
      cap = Math.min(cap, HEALTH_MODEL.unmanagedBlockerCap);
      add({
        code: 'blocker-without-plan',
        severity: 'high',
        message: `${base} There is no plan for them yet: answer the three questions (persuadable by others? reasonable? special concern?) and choose an action. Until then the deal stays red.`,
        source: `${RISK_SOURCES.blocker}; ${RISK_SOURCES.blockerPlan}`,
        effect: factor('blocker-without-plan', 1 - HEALTH_MODEL.blockerCut),
        stakeholderId: blocker.id,
      });
    }
  }

  // 5. Dysfunction: spread of the stakeholders' weights (the factor always applies; the risk below a threshold).
  const conflictPeak = stageIndex === 1 || stageIndex === 2;
  const dysfunctionEffect =
    consensus.compared > 0 ? factor('dysfunction', 1 - HEALTH_MODEL.dysfunctionCut * (1 - consensus.value)) : 1;
  if (consensus.compared > 0 && consensus.value < HEALTH_MODEL.dysfunctionThreshold) {
    const top = consensus.disputed[0]!;
    const peakNote = conflictPeak ? ' The deal is at the stage where group conflict peaks (37 % of the purchase).' : '';
    add({
      code: 'dysfunction',
      severity: consensus.value < 0.5 || conflictPeak ? 'high' : 'medium',
      message: `The group's weights disagree (consensus ${pct(consensus.value)}); most disputed: "${top.name}" (weights ${Math.round(top.spread.min)}–${Math.round(top.spread.max)}). A dysfunctional group is 50 % less likely to pay a premium.${peakNote}`,
      source: RISK_SOURCES.dysfunction,
      effect: dysfunctionEffect,
    });
  } else if (consensus.compared === 0 && n >= 2 && criteria.length > 0) {
    add({
      code: 'disconnects-unknown',
      severity: 'low',
      message: 'No two stakeholders have weighted the same criterion yet: the group’s disconnects are still hidden.',
      source: RISK_SOURCES.disconnects,
      effect: 1,
    });
  }

  // 5b. The group heard in its own words: fewer than half of a mapped group (two or more) answered themselves.
  const heardShare = n > 0 ? heardFrom / n : 0;
  if (n >= 2 && heardShare < HEALTH_MODEL.heardThreshold) {
    const shortfall = (HEALTH_MODEL.heardThreshold - heardShare) / HEALTH_MODEL.heardThreshold;
    const effect = factor('group-not-heard', 1 - HEALTH_MODEL.groupNotHeardCut * shortfall);
    add({
      code: 'group-not-heard',
      severity: heardFrom === 0 && n >= 3 ? 'medium' : 'low',
      message:
        heardFrom === 0
          ? `None of the ${n} stakeholders has given their own view yet: every weight is an estimate. Send each of them their guide link and ask.`
          : `Only ${heardFrom} of ${n} stakeholders have given their own view: the group's disconnects rest mostly on estimates. Hear at least half of them in their own words.`,
      source: RISK_SOURCES.groupNotHeard,
      effect,
    });
  }

  // 6. Open objections, weighted by the raiser's influence (unknown raiser: influence 2).
  const open = objections.filter((o) => o.status === 'open');
  if (open.length > 0) {
    const weighed = open
      .map((o) => ({ objection: o, raiser: o.raisedBy ? byId.get(o.raisedBy) : undefined }))
      .map((entry) => ({ ...entry, influence: entry.raiser?.influence ?? 2 }))
      .sort((a, b) => b.influence - a.influence);
    const load = weighed.reduce((sum, entry) => sum + entry.influence / 5, 0);
    const effect = factor(
      'open-objections',
      Math.max(HEALTH_MODEL.objectionFloor, 1 / (1 + HEALTH_MODEL.objectionLoad * load)),
    );
    const heavy = weighed.filter((entry) => entry.influence >= 4);
    const named = weighed
      .slice(0, 3)
      .map((e) => `${objectionName(e.objection)}${e.raiser ? ` (${e.raiser.name}, influence ${e.influence})` : ''}`)
      .join(', ');
    add({
      code: 'open-objections',
      severity: heavy.length > 0 ? 'high' : load >= 2 ? 'medium' : 'low',
      message: `${open.length} open objection${open.length === 1 ? '' : 's'}${heavy.length > 0 ? `, ${heavy.length} from high-influence stakeholders` : ''}: ${named}.`,
      source: RISK_SOURCES.objections,
      effect,
    });
  }

  // 7. The customer-verified stage.
  const stageEffect = factor(
    'verified-stage',
    HEALTH_MODEL.unverifiedStage + (1 - HEALTH_MODEL.unverifiedStage) * (stageIndex / PLAN_STAGE_IDS.length),
  );
  if (stageIndex === 0) {
    add({
      code: 'unverified-stage',
      severity: 'low',
      message: 'No stage is verified by the customer yet: where this deal stands is still an estimate.',
      source: RISK_SOURCES.stage,
      effect: stageEffect,
    });
  }

  // 8. Commitment coverage against the verified stage (influence-weighted).
  if (n > 0 && stageIndex > 0) {
    const totalInfluence = stakeholders.reduce((sum, s) => sum + s.influence, 0);
    const coverage =
      stakeholders.reduce((sum, s) => sum + s.influence * commitmentProgress(s.commitment), 0) / totalInfluence;
    const expected = stageIndex / PLAN_STAGE_IDS.length;
    const shortfall = Math.max(0, expected - coverage);
    const commitmentEffect = factor('commitment-coverage', 1 - HEALTH_MODEL.commitmentCut * shortfall);
    if (shortfall > 0.2) {
      const reached = DEAL_STAGE_LABELS[PLAN_STAGE_IDS[stageIndex - 1]!];
      add({
        code: 'commitment-lagging',
        severity: shortfall > 0.4 ? 'high' : 'medium',
        message: `The customer verified "${reached}", but the stakeholders are only ${pct(coverage)} along the commitment map (${pct(expected)} expected by now).`,
        source: RISK_SOURCES.commitment,
        effect: commitmentEffect,
      });
    }
  }

  // 8b. The mutual plan: verifiers past their due date and not done.
  if (overdueVerifiers > 0) {
    const effect = factor(
      'overdue-verifiers',
      Math.max(HEALTH_MODEL.overdueVerifierFloor, 1 - HEALTH_MODEL.overdueVerifierCut * overdueVerifiers),
    );
    add({
      code: 'overdue-verifiers',
      severity: overdueVerifiers >= 3 ? 'high' : 'medium',
      message: `${overdueVerifiers} verifier${overdueVerifiers === 1 ? ' is' : 's are'} past ${overdueVerifiers === 1 ? 'its' : 'their'} due date in the mutual plan: the buying group is not doing what it planned to do.`,
      source: RISK_SOURCES.overdueVerifiers,
      effect,
    });
  }

  // 9. Doing nothing leads the decision matrix.
  const statusQuo = options.find((o) => o.isStatusQuo);
  const sqScore = statusQuo && optionScores.find((s) => s.optionId === statusQuo.id);
  const rivals = optionScores.filter((s) => s.optionId !== statusQuo?.id && s.scored > 0);
  if (sqScore && sqScore.scored > 0 && rivals.length > 0 && rivals.every((r) => sqScore.total > r.total)) {
    add({
      code: 'status-quo-leading',
      severity: 'medium',
      message: `The weighted scores put "${statusQuo!.name}" first (${sqScore.total.toFixed(1)} of 5): the group's best answer today is to change nothing.`,
      source: RISK_SOURCES.statusQuo,
      effect: factor('status-quo-leading', HEALTH_MODEL.statusQuoLeading),
    });
  }

  const product = factors.reduce((value, f) => value * f.effect, 1);
  const health = Math.max(0, Math.min(cap, Math.round(100 * product)));
  risks.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.effect - b.effect);
  return { health, band: healthBand(health), risks, factors };
}
