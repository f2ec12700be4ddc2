import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One PNG builder for the API tests and the browser tests.
export { solidPng } from '../../server/test/fixtures/images';

export function writeTempFile(name: string, bytes: Buffer): string {
  const file = join(tmpdir(), `cbc-${process.pid}-${name}`);
  writeFileSync(file, bytes);
  return file;
}
