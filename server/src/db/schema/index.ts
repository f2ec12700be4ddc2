import type * as appMeta from './app-meta';

/** The whole database as Kysely sees it: one partial type per table, combined (atproto style). */
export type Database = appMeta.PartialDatabase;

export type { AppMeta, AppMetaTable, NewAppMeta, AppMetaUpdate } from './app-meta';
