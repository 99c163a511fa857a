/**
 * The real server process (`apps/server/src/main.ts`, as `pnpm start` runs it): it fails fast on bad
 * configuration, serves on one port, and on SIGTERM flushes what it accepted, closes the database and
 * exits 0, so an edit a client saw acknowledged is still there on the next start.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, type DbHandle, docSnapshots, docUpdates } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { until } from '@quorum/testing';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const MAIN = join(ROOT, 'apps/server/src/main.ts');
const ORIGIN = 'http://quorum.test';

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
  exit: Promise<number | null>;
}

function startMain(env: Record<string, string>): Promise<Started> {
  const child = spawn(TSX, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', ORIGIN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on .* \(port (\d+),/.exec(output);
      if (match) resolve({ child, port: Number(match[1]), output: () => output, exit });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    exit.then((code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
  });
}

describe('server process configuration', () => {
  it('fails fast with a named ConfigError on a bad setting', async () => {
    const child = spawn(TSX, [MAIN], { cwd: ROOT, env: { ...process.env, PORT: 'not-a-port' }, stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('configuration error');
    expect(stderr).toContain('PORT');
  });
});

describe.each(testDatabaseKinds())('server process on %s', (kind) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('serves one port and flushes accepted edits on SIGTERM, then exits 0', async () => {
    let env: Record<string, string>;
    let reopen: () => Promise<DbHandle>;
    if (kind === 'postgres') {
      const test = await createTestDb('postgres');
      cleanups.push(() => test.close());
      env = { DATABASE_URL: test.url! };
      reopen = async () => ({ ...test, close: async () => undefined });
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'quorum-main-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      env = { DATA_DIR: dir };
      reopen = () => createDb({ dataDir: dir });
    }
    const server = await startMain(env);
    cleanups.push(() => {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    });
    const base = `http://127.0.0.1:${server.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    const signup = await fetch(`${base}/api/auth/signup`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'sam@acme.example',
        password: 'sam password 1',
        name: 'Sam',
        organization: 'Acme',
      }),
    });
    expect(signup.status).toBe(201);
    const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
    const deal = await fetch(`${base}/api/deals`, {
      method: 'POST',
      headers: { origin: ORIGIN, cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Laptop refresh', buyer: 'Northwind' }),
    });
    const dealId = ((await deal.json()) as { id: string }).id;

    const headers = { origin: ORIGIN, cookie };
    const open = () => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/sync`, dealId, doc, {
        WebSocketPolyfill: class extends WebSocket {
          constructor(url: string | URL, protocols?: string | string[]) {
            super(url, protocols, { headers });
          }
        } as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      return { doc, provider };
    };
    const writer = open();
    const reader = open();
    await until(() => writer.provider.synced && reader.provider.synced, { what: 'both clients to sync' });
    writer.doc.getText('notes').insert(0, 'acknowledged before SIGTERM');
    await until(() => reader.doc.getText('notes').toString() === 'acknowledged before SIGTERM', { what: 'the relay' });

    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
    expect(server.output()).toContain('SIGTERM');
    writer.provider.destroy();
    reader.provider.destroy();

    const db = await reopen();
    try {
      const doc = new Y.Doc();
      const [snapshot] = await db.db.select().from(docSnapshots).where(eq(docSnapshots.room, dealId));
      if (snapshot) Y.applyUpdate(doc, snapshot.state);
      for (const row of await db.db.select().from(docUpdates).where(eq(docUpdates.room, dealId))) {
        Y.applyUpdate(doc, row.update);
      }
      expect(doc.getText('notes').toString()).toBe('acknowledged before SIGTERM');
      expect(doc.getMap('meta').get('title')).toBe('Laptop refresh');
    } finally {
      await db.close();
    }
  });
});
