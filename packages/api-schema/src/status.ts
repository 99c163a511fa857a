import { z } from 'zod';
import { timestamp } from './strings.ts';

const limitMessage = 'limit must be a whole number from 1 to 1000.';

/** `GET /api/deals/health-history?ids=a,b&limit=60`. */
export const healthHistoryQuery = z.object({
  /** Comma-separated deal ids; all visible deals when left out. */
  ids: z
    .string()
    .optional()
    .transform((ids) => (ids ? ids.split(',').filter(Boolean) : undefined)),
  limit: z.coerce
    .number({ error: limitMessage })
    .int(limitMessage)
    .min(1, limitMessage)
    .max(1000, limitMessage)
    .default(60),
});

/** One point of a deal's health trend. */
export const healthPoint = z.object({ health: z.number(), at: timestamp });

/** `GET /api/deals/health-history`: oldest first, per deal. */
export const healthHistory = z.object({ history: z.record(z.string(), z.array(healthPoint)) });

export type HealthHistoryQuery = z.input<typeof healthHistoryQuery>;
export type HealthPoint = z.infer<typeof healthPoint>;
