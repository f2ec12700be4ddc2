import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { DatabaseConfig } from '../config';
import { createDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrator';
import type { Database } from '../db/schema/index';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
  }
}

export interface DbPluginOptions {
  database: DatabaseConfig;
}

/** Opens the database, brings its schema up to date before any route serves, closes it with the app. */
export default fp<DbPluginOptions>(
  async (app, { database }) => {
    const db = createDatabase(database, {
      onPoolError: (error) => app.log.warn({ err: error }, 'idle database connection failed; the pool replaces it'),
    });
    try {
      const results = await migrateToLatest(db);
      for (const result of results) app.log.info({ migration: result.migrationName }, 'migration applied');
    } catch (error) {
      await db.destroy();
      throw error;
    }
    app.decorate('db', db);
    app.addHook('onClose', async () => {
      await db.destroy();
    });
  },
  { name: 'db' },
);
