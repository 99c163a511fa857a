import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, type DbHandle, testDatabaseKinds } from '../../packages/db/src/index.ts';
import { connectClient, synced, type TestClient, until } from '../../packages/sync/src/testing/clients.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/sync-server.ts', import.meta.url));

interface ServerProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the fixture server in its own process (tsx) and resolves once it listens. */
async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    void exited.then(({ code, signal }) => reject(new Error(`server exited early (${code ?? signal}): ${output}`)));
  });
  return { child, url: `ws://127.0.0.1:${port}/sync`, exited };
}

describe.each(testDatabaseKinds())('sync server process crashes (%s)', (kind) => {
  const children: ServerProcess[] = [];
  const clients: TestClient[] = [];
  const cleanups: Array<() => Promise<void> | void> = [];

  // Starting three server processes (and, on PGlite, initialising a data directory) takes a while.
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const server of children.splice(0)) {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
      await server.exited;
    }
    for (const cleanup of cleanups.splice(0)) await cleanup();
  }, 60_000);

  async function databaseEnv(): Promise<Record<string, string>> {
    if (kind === 'pglite') {
      const dataDir = mkdtempSync(join(tmpdir(), 'quorum-sync-crash-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      return { DATA_DIR: dataDir };
    }
    const handle: DbHandle & { url?: string } = await createTestDb('postgres');
    cleanups.push(() => handle.close());
    return { DATABASE_URL: handle.url! };
  }

  const client = (url: string, room: string) => {
    const c = connectClient(url, room);
    clients.push(c);
    return c;
  };

  it('an update another client has seen survives SIGKILL; SIGTERM flushes and exits cleanly', async () => {
    const env = await databaseEnv();
    const first = await startServer(env);
    children.push(first);
    const a = client(first.url, 'deal-1');
    const b = client(first.url, 'deal-1');
    await Promise.all([synced(a), synced(b)]);
    const text = a.doc.getText('t');
    for (let i = 0; i < 50; i++) text.insert(text.length, `edit ${i}; `);
    a.doc.getMap('m').set('stage', 'validate-select');
    const expected = text.toString();
    // The moment the other client has seen every edit, the server dies without any chance to flush.
    // (killed synchronously from B's update handler, so the window between "seen" and "killed" is as small as it gets)
    await new Promise<void>((resolve) => {
      const check = () => {
        if (b.doc.getText('t').toString() !== expected || b.doc.getMap('m').get('stage') !== 'validate-select') return;
        first.child.kill('SIGKILL');
        b.doc.off('update', check);
        resolve();
      };
      b.doc.on('update', check);
      check();
    });
    expect((await first.exited).signal).toBe('SIGKILL');
    for (const c of clients.splice(0)) c.destroy();

    const second = await startServer(env);
    children.push(second);
    const c = client(second.url, 'deal-1');
    await synced(c);
    await until(() => c.doc.getText('t').toString() === expected);
    expect(c.doc.getMap('m').get('stage')).toBe('validate-select');

    // A clean stop (SIGTERM) flushes what the server holds and exits 0.
    c.doc.getText('t').insert(0, 'before SIGTERM; ');
    const afterTerm = c.doc.getText('t').toString();
    await until(() => c.provider.synced);
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    c.destroy();
    clients.splice(0);

    const third = await startServer(env);
    children.push(third);
    const d = client(third.url, 'deal-1');
    await until(() => d.doc.getText('t').toString() === afterTerm);
  }, 180_000);
});
