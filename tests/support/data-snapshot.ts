import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';

/**
 * What a server has stored, as a comparable value: every table's row count and a hash of its rows
 * (order-independent), and a hash of every other file in DATA_DIR (ID photos, keys). Read through a
 * read-only connection, so it can be taken while the server runs (SQLite in WAL mode lets a reader in).
 */
export interface DataSnapshot {
  tables: Record<string, { rows: number; hash: string }>;
  files: Record<string, string>;
}

const SQLITE_FILE = 'app.sqlite';

function hashRows(rows: unknown[]): string {
  const lines = rows
    .map((row) =>
      JSON.stringify(row, (_key, value: unknown) =>
        Buffer.isBuffer(value) ? `hex:${value.toString('hex')}` : typeof value === 'bigint' ? `bigint:${value}` : value,
      ),
    )
    .sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return hash.digest('hex');
}

function listFiles(dir: string, root: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(path, root, out);
    else if (entry.isFile()) out.push(relative(root, path));
  }
}

export function snapshotData(dataDir: string, options: { ignoreTables?: readonly string[] } = {}): DataSnapshot {
  const ignored = new Set(options.ignoreTables ?? []);
  const db = new Database(join(dataDir, SQLITE_FILE), { readonly: true, fileMustExist: true });
  const tables: DataSnapshot['tables'] = {};
  try {
    db.defaultSafeIntegers(true);
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    for (const name of names) {
      if (ignored.has(name)) continue;
      const rows = db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).all();
      tables[name] = { rows: rows.length, hash: hashRows(rows) };
    }
  } finally {
    db.close();
  }
  const paths: string[] = [];
  listFiles(dataDir, dataDir, paths);
  const files: DataSnapshot['files'] = {};
  for (const path of paths.sort()) {
    // The database is compared table by table above; its WAL and index files change on every read.
    if (path.startsWith(SQLITE_FILE)) continue;
    files[path] = createHash('sha256')
      .update(readFileSync(join(dataDir, path)))
      .digest('hex');
  }
  return { tables, files };
}
