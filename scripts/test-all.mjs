#!/usr/bin/env node
// Runs every test runner of the repo (vitest projects, then Playwright), each with a JSON report in
// test-results/, and ends with one line: "N passed, N failed" (the totals of every runner).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';

function run(cmd, args, env = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

const hasE2e = existsSync('tests/e2e') && readdirSync('tests/e2e').some((f) => f.endsWith('.spec.ts'));
// The end-to-end tests drive Debian's Chromium (playwright.config.ts); no test tool downloads a browser. Install it
// when it is missing and this is root with apt, or stop at once with the command that does.
const CHROMIUM = '/usr/bin/chromium';
const INSTALL_CHROMIUM = 'apt-get update -qq && apt-get install -y -qq chromium';
if (hasE2e && !existsSync(CHROMIUM)) {
  const root = process.getuid?.() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (root && apt) run('sh', ['-c', INSTALL_CHROMIUM]);
  if (!existsSync(CHROMIUM)) {
    const command = root ? INSTALL_CHROMIUM : `sudo sh -c '${INSTALL_CHROMIUM}'`;
    console.error(
      `\nThe end-to-end tests need Debian's Chromium at ${CHROMIUM}. Install it, then run \`pnpm test\` again:\n\n  ${command}\n`,
    );
    console.log('\n0 passed, 1 failed');
    process.exit(1);
  }
}

const out = 'test-results';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

let passed = 0;
let failed = 0;
let broken = false;

// The web app must be built: the server serves it and Playwright drives it.
if (run('pnpm', ['build']) !== 0) broken = true;

const vitestCode = run('pnpm', [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${out}/vitest.json`,
]);
if (existsSync(`${out}/vitest.json`)) {
  const r = JSON.parse(readFileSync(`${out}/vitest.json`, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  if (vitestCode !== 0 && r.numFailedTests === 0) broken = true; // e.g. a file that failed to load
} else broken = true;

if (hasE2e) {
  const code = run('pnpm', ['exec', 'playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/playwright.json` });
  if (existsSync(`${out}/playwright.json`)) {
    const r = JSON.parse(readFileSync(`${out}/playwright.json`, 'utf8'));
    passed += r.stats.expected + (r.stats.flaky ?? 0);
    failed += r.stats.unexpected;
    if (code !== 0 && r.stats.unexpected === 0) broken = true;
  } else broken = true;
}

if (broken && failed === 0) failed = 1; // a runner died before reporting: never print a green total
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
