import { randomUUID } from 'node:crypto';
import { defineProject } from 'vitest/config';

// Every server these tests start shares this machine's Redis: each run counts its rate limits under its own prefix, so
// an earlier run's signups and logins never refuse this one's.
process.env.RATE_LIMIT_PREFIX ??= `quorum:test:${randomUUID()}`;

export default defineProject({ test: { name: 'integration', include: ['**/*.test.ts'], fileParallelism: false } });
