#!/usr/bin/env node
// `npm run quickstart`: on a fresh machine with only Node 20 and npm, installs pnpm (corepack is not used: its
// signature check fails against some registries), installs dependencies, builds the web app and the server, and
// starts Quorum on the embedded database (PGlite in DATA_DIR, default .data/) at http://localhost:${PORT:-3000}.
import { spawnSync } from 'node:child_process';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\nquickstart: \`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}

const hasPnpm = spawnSync('pnpm', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasPnpm) run('npm', ['install', '-g', 'pnpm@10']);
run('pnpm', ['install', '--frozen-lockfile']);
run('pnpm', ['build']);
run('pnpm', ['start']);
