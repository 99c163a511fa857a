import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.ts';

describe('loadConfig', () => {
  it('has working defaults for a bare `pnpm start`', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDir: '.data',
      origins: ['http://localhost:3000'],
      redisUrl: undefined,
      maxMessageBytes: 2 * 1024 * 1024,
      trustProxy: 0,
    });
    expect(config.webBuildDir).toMatch(/apps\/web\/build$/);
  });

  it('derives the default origin from PORT and accepts several origins', () => {
    expect(loadConfig({ PORT: '3001' }).origins).toEqual(['http://localhost:3001']);
    expect(loadConfig({ ORIGIN: 'https://q.example.com, http://localhost:5173' }).origins).toEqual([
      'https://q.example.com',
      'http://localhost:5173',
    ]);
  });

  it('reads the metrics access and the websocket caps, with their defaults', () => {
    expect(loadConfig({})).toMatchObject({
      metricsToken: undefined,
      metricsPort: undefined,
      maxSocketsPerIp: 50,
      maxSocketsPerUser: 20,
      sessionCheckMs: 60_000,
      sameVisitMs: 1_800_000,
    });
    expect(loadConfig({ SAME_VISIT_MS: '0' }).sameVisitMs).toBe(0);
    expect(() => loadConfig({ SAME_VISIT_MS: 'soon' })).toThrow(/SAME_VISIT_MS/);
    expect(
      loadConfig({ METRICS_TOKEN: 'a-long-scrape-token', METRICS_PORT: '9464', MAX_SOCKETS_PER_IP: '200' }),
    ).toMatchObject({ metricsToken: 'a-long-scrape-token', metricsPort: 9464, maxSocketsPerIp: 200 });
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ METRICS_PORT: '0' })).toThrow(/METRICS_PORT/);
  });

  it("reads the mail settings: no SMTP by default, a sender on the origin's host", () => {
    expect(loadConfig({ ORIGIN: 'https://q.example.com' })).toMatchObject({
      smtpUrl: undefined,
      mailFrom: 'Quorum <quorum@q.example.com>',
    });
    expect(
      loadConfig({ SMTP_URL: 'smtps://user:secret@smtp.example.com:465', MAIL_FROM: 'Deals <deals@example.com>' }),
    ).toMatchObject({ smtpUrl: 'smtps://user:secret@smtp.example.com:465', mailFrom: 'Deals <deals@example.com>' });
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }).smtpUrl).toBe('smtp://127.0.0.1:2525');
  });

  it('reads TRUST_PROXY as a count of trusted proxies', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(0);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ ORIGIN: 'quorum.example.com' }, /ORIGIN/],
    [{ ORIGIN: 'https://q.example.com/app' }, /ORIGIN/],
    [{ REDIS_URL: 'http://x' }, /REDIS_URL/],
    [{ MAX_MESSAGE_BYTES: '-1' }, /MAX_MESSAGE_BYTES/],
    [{ TRUST_PROXY: 'maybe' }, /TRUST_PROXY/],
    [{ SMTP_URL: 'http://smtp.example.com' }, /SMTP_URL/],
    [{ SMTP_URL: 'smtp.example.com:25' }, /SMTP_URL/],
    [{ MAIL_FROM: 'not an address' }, /MAIL_FROM/],
  ])('fails fast with a ConfigError naming the variable: %j', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
