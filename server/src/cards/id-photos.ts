import { randomUUID } from 'node:crypto';
import { chmod, mkdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type ImageKind = 'jpg' | 'png';

const JPEG_SOI = Buffer.from([0xff, 0xd8, 0xff]);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * What the bytes are, whatever the file name or the declared type say. JPEG starts with the SOI
 * marker FF D8 followed by the next marker's FF (ITU-T T.81 Annex B). PNG starts with its 8-byte
 * signature, and its first chunk must be IHDR with 13 data bytes (PNG spec §5.2, §11.2.2,
 * https://www.w3.org/TR/png-3/): a file with the signature and anything else after it is not an image.
 */
export function sniffImage(bytes: Buffer): ImageKind | null {
  if (bytes.length >= JPEG_SOI.length && bytes.subarray(0, JPEG_SOI.length).equals(JPEG_SOI)) return 'jpg';
  if (
    bytes.length >= 16 &&
    bytes.subarray(0, 8).equals(PNG_SIGNATURE) &&
    bytes.readUInt32BE(8) === 13 &&
    bytes.toString('latin1', 12, 16) === 'IHDR'
  ) {
    return 'png';
  }
  return null;
}

/** Names this store writes: a random UUID and the kind. Anything else is never opened or deleted. */
const FILE_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|png)$/;

export interface IdPhotoStore {
  readonly dir: string;
  /** Writes a new file (owner-only) and returns its name. */
  save(bytes: Buffer, kind: ImageKind): Promise<string>;
  /** Deletes a file if it is there; a file already gone is fine. */
  remove(fileName: string): Promise<void>;
}

/**
 * ID photos on disk, in a folder of DATA_DIR that no route serves. Files and folder are readable by
 * the server's user only; the database keeps just the file name.
 */
export function createIdPhotoStore(dir: string): IdPhotoStore {
  return {
    dir,
    async save(bytes, kind) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // mkdir's mode is filtered by the umask and ignored for an existing folder.
      await chmod(dir, 0o700);
      const fileName = `${randomUUID()}.${kind}`;
      const file = path.join(dir, fileName);
      await writeFile(file, bytes, { mode: 0o600, flag: 'wx' });
      await chmod(file, 0o600);
      return fileName;
    },
    async remove(fileName) {
      if (!FILE_NAME.test(fileName)) return;
      try {
        await unlink(path.join(dir, fileName));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    },
  };
}
