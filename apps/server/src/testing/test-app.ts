import { type Auth, createAuth } from '@quorum/auth';
import type { Database } from '@quorum/db';
import { createTestDb } from '@quorum/db/testing';
import { type AppOptions, createApp, type QuorumApp } from '../app.ts';

/** The origin test apps are configured with. */
export const TEST_ORIGIN = 'http://quorum.test';

/** A response as tests read it. */
export interface TestResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
  body: any;
  headers: Headers;
  /** `quorum_session=<token>` from Set-Cookie, when one was set. */
  cookie: string | null;
}

/** Options of one test request. */
export interface CallOptions {
  body?: unknown;
  /** A raw body (sent as is, with `contentType`). */
  raw?: string;
  contentType?: string;
  cookie?: string | null;
  /** The Origin header; null to omit it. Default: the app's origin. */
  origin?: string | null;
  headers?: Record<string, string>;
}

/** A person created through the API. */
export interface TestAccount {
  id: string;
  email: string;
  cookie: string;
}

/** A Quorum app on a fresh test database, with helpers to call it like the web app does. */
export interface TestApp {
  app: QuorumApp;
  db: Database;
  auth: Auth;
  call(method: string, path: string, options?: CallOptions): Promise<TestResponse>;
  signup(input: { email: string; name?: string; password?: string; organization?: string }): Promise<TestAccount>;
  close(): Promise<void>;
}

/**
 * Creates a {@link TestApp} on PGlite or the real Postgres. `options` may be a function of the test
 * database (to build an engine on it, say).
 */
export async function createTestApp(
  kind: 'pglite' | 'postgres',
  options: Partial<AppOptions> | ((db: Database) => Partial<AppOptions>) = {},
): Promise<TestApp> {
  const handle = await createTestDb(kind);
  const auth = createAuth({ db: handle.db });
  const extra = typeof options === 'function' ? options(handle.db) : options;
  const app = createApp({ db: handle.db, auth, origin: TEST_ORIGIN, log: () => undefined, ...extra });

  async function call(method: string, path: string, opts: CallOptions = {}): Promise<TestResponse> {
    const { body, raw, contentType = 'application/json', cookie, origin = TEST_ORIGIN, headers = {} } = opts;
    const init: RequestInit = { method, headers: { ...headers } };
    const h = init.headers as Record<string, string>;
    if (origin !== null) h.origin = origin;
    if (cookie) h.cookie = cookie;
    if (body !== undefined || raw !== undefined) {
      h['content-type'] = contentType;
      init.body = raw ?? JSON.stringify(body);
    }
    const res = await app.request(`${TEST_ORIGIN}${path}`, init);
    const text = await res.text();
    let parsed: unknown = text;
    if (res.headers.get('content-type')?.includes('json')) parsed = JSON.parse(text);
    const setCookie = res.headers.get('set-cookie');
    return { status: res.status, body: parsed, headers: res.headers, cookie: setCookie?.split(';')[0] ?? null };
  }

  async function signup({
    email,
    name = email.split('@')[0]!,
    password = 'a long enough password',
    organization,
  }: {
    email: string;
    name?: string;
    password?: string;
    organization?: string;
  }): Promise<TestAccount> {
    const res = await call('POST', '/api/auth/signup', { body: { email, name, password, organization } });
    if (res.status !== 201 || !res.cookie) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.user.id, email, cookie: res.cookie };
  }

  return { app, db: handle.db, auth, call, signup, close: () => handle.close() };
}
