import { randomUUID } from 'node:crypto';
import { chmod, mkdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';

export type ImageKind = 'jpg' | 'png';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Sides and pixel counts a phone camera or a scanner produces; anything beyond is not an ID photo. */
export const MAX_IMAGE_SIDE = 20_000;
export const MAX_IMAGE_PIXELS = 120_000_000;

export interface ImageInfo {
  kind: ImageKind;
  width: number;
  height: number;
}

const saneSize = (width: number, height: number) =>
  width >= 1 &&
  height >= 1 &&
  width <= MAX_IMAGE_SIDE &&
  height <= MAX_IMAGE_SIDE &&
  width * height <= MAX_IMAGE_PIXELS;

// Bit depths each PNG colour type allows (PNG spec §11.2.2, table 11.1).
const PNG_BIT_DEPTHS: Record<number, readonly number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

/**
 * A whole PNG, chunk by chunk (https://www.w3.org/TR/png-3/ §5): the signature, IHDR first with its 13
 * bytes, valid fields and sane dimensions, every chunk with a well-formed type and a matching CRC, at
 * least one IDAT, and IEND as the very last bytes. A signature and an IHDR followed by HTML (or anything
 * else that is not a chunk) is refused.
 */
function decodePng(bytes: Buffer): ImageInfo | null {
  if (bytes.length < 8 + 25 + 12 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  let offset = 8;
  let info: ImageInfo | null = null;
  let sawData = false;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (length > 0x7fffffff || end > bytes.length) return null;
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) return null;
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length)) return null;
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (info === null) {
      // IHDR: width, height, bit depth, colour type, compression, filter, interlace.
      if (type !== 'IHDR' || length !== 13) return null;
      const [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
      const [depth = 0, colour = -1, compression, filter, interlace = -1] = data.subarray(8);
      if (!saneSize(width, height) || !PNG_BIT_DEPTHS[colour]?.includes(depth)) return null;
      if (compression !== 0 || filter !== 0 || interlace > 1) return null;
      info = { kind: 'png', width, height };
    } else if (type === 'IHDR') {
      return null;
    } else if (type === 'IDAT') {
      sawData = true;
    } else if (type === 'IEND') {
      return length === 0 && sawData && end === bytes.length ? info : null;
    }
    offset = end;
  }
  return null;
}

// Start-of-frame markers: C0–CF except DHT (C4), JPG (C8) and DAC (CC) (ITU-T T.81 Table B.1).
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/**
 * A JPEG's header segments (ITU-T T.81 Annex B): SOI, then marker segments whose lengths fit the file, a
 * frame header (SOF) with sane dimensions and 1–4 components before the first scan (SOS), and EOI as the
 * last two bytes. A JPEG start followed by anything else is refused.
 */
function decodeJpeg(bytes: Buffer): ImageInfo | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  if (bytes[bytes.length - 2] !== 0xff || bytes[bytes.length - 1] !== 0xd9) return null;
  let offset = 2;
  let info: ImageInfo | null = null;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    // Any number of 0xFF fill bytes may precede a marker.
    while (bytes[offset] === 0xff) offset += 1;
    const marker = bytes[offset];
    offset += 1;
    if (marker === undefined || marker === 0x00 || marker === 0xd8 || marker === 0xd9) return null;
    // Standalone markers (TEM, RSTn) carry no length and do not belong before the first scan.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) return null;
    if (offset + 2 > bytes.length) return null;
    const length = bytes.readUInt16BE(offset);
    if (length < 2 || offset + length > bytes.length) return null;
    if (isStartOfFrame(marker)) {
      if (info !== null || length < 8) return null;
      const precision = bytes[offset + 2];
      const height = bytes.readUInt16BE(offset + 3);
      const width = bytes.readUInt16BE(offset + 5);
      const components = bytes[offset + 7] ?? 0;
      if (precision !== 8 && precision !== 12) return null;
      if (components < 1 || components > 4 || length !== 8 + 3 * components) return null;
      // A height of 0 defers it to a DNL segment after the scan: no ID photo does that.
      if (!saneSize(width, height)) return null;
      info = { kind: 'jpg', width, height };
    }
    if (marker === 0xda) {
      // The first scan: the frame must be known, and entropy-coded data must come before the EOI.
      return info !== null && offset + length < bytes.length - 2 ? info : null;
    }
    offset += length;
  }
  return null;
}

/**
 * What the bytes are, whatever the file name or the declared type say, by decoding the image's
 * structure (not its pixels): a whole PNG chunk stream, or a JPEG's header segments up to its first scan
 * and its end marker. `image-size` was weighed and not used: it reads dimensions only, without chunk
 * CRCs, IEND/EOI or what follows, so it accepts an image header followed by HTML.
 */
export function decodeImageHeader(bytes: Buffer): ImageInfo | null {
  return decodePng(bytes) ?? decodeJpeg(bytes);
}

/** The kind of a valid JPEG or PNG, or null. */
export function sniffImage(bytes: Buffer): ImageKind | null {
  return decodeImageHeader(bytes)?.kind ?? null;
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
