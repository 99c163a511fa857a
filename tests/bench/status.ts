/**
 * Benchmark: deal status computation (issue 5) for the large room of issue 4: 50 stakeholders,
 * 40 criteria × 4 options (with weights from 10 stakeholders each), 100 objections. Prints p50/p99;
 * target under 5 ms. It prints figures and never fails on time.
 *
 *   pnpm exec tsx tests/bench/status.ts [runs]
 */
import {
  addCriterion,
  addObjection,
  addOption,
  addStakeholder,
  COMMITMENT_STAGES,
  computeStatus,
  initSellerDoc,
  initSharedDoc,
  OBJECTION_CATEGORIES,
  OBJECTION_STATUSES,
  readOptions,
  readPlan,
  STAKEHOLDER_PROFILES,
  setCriterionScore,
  setStakeholderWeight,
  tickVerifier,
  updateBlockerPlan,
} from '@quorum/deal-model';
import * as Y from 'yjs';

const runs = Number(process.argv[2] ?? 500);

function buildLargeRoom(): { shared: Y.Doc; seller: Y.Doc } {
  const shared = new Y.Doc();
  const seller = new Y.Doc();
  initSharedDoc(shared, { title: 'Large room', buyer: 'Bench AG', seller: 'Quorum' });
  initSellerDoc(seller);
  const stakeholders: string[] = [];
  for (let i = 0; i < 50; i++) {
    const id = addStakeholder(shared, {
      name: `Stakeholder ${i}`,
      title: `Title ${i}`,
      profile: STAKEHOLDER_PROFILES[i % STAKEHOLDER_PROFILES.length],
      influence: 1 + (i % 5),
      stance: (i % 5) - 2,
      commitment: COMMITMENT_STAGES[i % COMMITMENT_STAGES.length],
      reportsTo: i > 0 ? stakeholders[Math.floor((i - 1) / 3)] : null,
      priorities: `Priorities of stakeholder ${i}`,
    });
    stakeholders.push(id);
    if (i % STAKEHOLDER_PROFILES.length === STAKEHOLDER_PROFILES.indexOf('blocker') && i % 2 === 0) {
      updateBlockerPlan(seller, id, { persuadableByOthers: true });
    }
  }
  for (let i = 0; i < 3; i++) addOption(shared, { name: `Option ${i}` });
  const options = readOptions(shared).map((o) => o.id);
  for (let c = 0; c < 40; c++) {
    const id = addCriterion(shared, { name: `Criterion ${c}`, weight: 10 + (c % 9) * 10, mandatory: c % 7 === 0 });
    options.forEach((option, o) => {
      setCriterionScore(shared, id, option, (c + o) % 6);
    });
    for (let s = 0; s < 10; s++)
      setStakeholderWeight(shared, id, stakeholders[(c + s * 5) % 50]!, (c * 7 + s * 13) % 101);
  }
  for (let i = 0; i < 100; i++) {
    addObjection(shared, {
      title: `Objection ${i}`,
      raisedBy: stakeholders[(i * 3) % 50],
      category: OBJECTION_CATEGORIES[i % OBJECTION_CATEGORIES.length],
      status: OBJECTION_STATUSES[i % OBJECTION_STATUSES.length],
      response: `Response ${i}`,
    });
  }
  for (const stage of readPlan(shared).slice(0, 2)) {
    for (const verifier of stage.verifiers) tickVerifier(shared, stage.id, verifier.id, { by: 'bench' });
  }
  return { shared, seller };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function measure(label: string, fn: () => void): void {
  for (let i = 0; i < 20; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
  console.log(
    `${label.padEnd(44)} p50 ${percentile(times, 50).toFixed(3)} ms  p99 ${percentile(times, 99).toFixed(3)} ms  mean ${mean.toFixed(3)} ms  (${runs} runs)`,
  );
}

const { shared, seller } = buildLargeRoom();
const sharedBytes = Y.encodeStateAsUpdate(shared);
const sellerBytes = Y.encodeStateAsUpdate(seller);
const status = computeStatus(shared, seller, { id: 'bench' });
console.log(
  `large room: ${status.stakeholders} stakeholders, ${status.criteria} criteria × ${readOptions(shared).length} options, 100 objections; shared doc ${(sharedBytes.byteLength / 1024).toFixed(0)} KiB`,
);
console.log(`status: health ${status.health} (${status.band}), stage ${status.stage}, ${status.risks.length} risks`);
measure('computeStatus (full view, shared + seller)', () => computeStatus(shared, seller, { id: 'bench' }));
measure('computeStatus (shared view)', () => computeStatus(shared, null, { id: 'bench' }));
measure('load both docs from bytes + computeStatus', () => {
  const s = new Y.Doc();
  const p = new Y.Doc();
  Y.applyUpdate(s, sharedBytes);
  Y.applyUpdate(p, sellerBytes);
  computeStatus(s, p);
});
console.log('target: computeStatus under 5 ms (p50); figures only, never a gate');
