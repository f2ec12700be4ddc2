import type { Health } from '@cbc/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index';
import { pingDatabase } from './queries';

export interface HealthServiceDeps {
  db: Kysely<Database>;
  dialect: Health['database']['dialect'];
  version: string;
  startedAt?: number;
}

export interface HealthService {
  check(): Promise<Health>;
}

export function createHealthService({
  db,
  dialect,
  version,
  startedAt = Date.now(),
}: HealthServiceDeps): HealthService {
  return {
    async check() {
      const started = performance.now();
      let databaseOk = true;
      try {
        await pingDatabase(db);
      } catch {
        // The route reports 'degraded'; monitors only need to know which part failed.
        databaseOk = false;
      }
      const latencyMs = Math.round((performance.now() - started) * 100) / 100;
      return {
        status: databaseOk ? 'ok' : 'degraded',
        version,
        uptimeSeconds: Math.max(0, Math.round((Date.now() - startedAt) / 1000)),
        database: { status: databaseOk ? 'ok' : 'error', dialect, latencyMs },
      };
    },
  };
}
