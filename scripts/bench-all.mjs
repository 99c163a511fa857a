#!/usr/bin/env node
// `pnpm bench`: runs every benchmark in tests/bench/ (or the ones named on the command line) one after another.
// Benchmarks print figures; they never fail on a time. Folders in tests/bench/ hold a benchmark's parts, not
// benchmarks: tests/bench/peers/ is the bench-only package behind peers.ts (Quorum against Hocuspocus and the
// y-websocket reference server; `pnpm install` brings the peers and the Node 22 that Hocuspocus needs).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const files = readdirSync('tests/bench')
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const r = spawnSync('pnpm', ['exec', 'tsx', `tests/bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
if (failed) {
  console.error(`\n${failed} benchmark(s) did not complete`);
  process.exit(1);
}
