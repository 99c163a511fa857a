import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'deal-model', include: ['src/**/*.test.ts'] } });
