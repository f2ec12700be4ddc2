import { z } from 'zod';
import { defineEndpoints } from './endpoint';
import { routes } from './routes';

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    uptimeSeconds: z.number().nonnegative(),
    database: z.object({
      status: z.enum(['ok', 'error']),
      dialect: z.enum(['sqlite', 'postgres']),
      latencyMs: z.number().nonnegative(),
    }),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof healthSchema>;

export const healthEndpoints = defineEndpoints({
  health: {
    ...routes.health,
    summary: 'Service and database status',
    tags: ['system'],
    // 503 carries the same shape so monitors can read which part failed.
    responses: { 200: healthSchema, 503: healthSchema },
  },
});
