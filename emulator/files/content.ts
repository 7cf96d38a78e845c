/**
 * The bytes of an emulated backup file: a valid RDB header (`REDIS0011`, the magic and version
 * Redis 7 writes) followed by generated content, deterministic per file, of any size. The content
 * is AES-128-CTR's keystream under a key drawn from the file's name, so any range is computed on
 * its own (the counter of its first block), natively and fast: a 2 GiB file costs nothing to keep,
 * and a range request at its end is as cheap as one at its start.
 */
import { createCipheriv, createHash } from "crypto";

/** What every file starts with: an RDB file's magic and version. */
export const RDB_HEADER = Buffer.from("REDIS0011", "ascii");

/** The key of a file's content, from what names it. */
export function contentSeed(objectKey: string): Buffer {
  return createHash("sha256").update(objectKey).digest().subarray(0, 16);
}

/** Bytes [offset, offset + length) of the file whose seed is `seed` (the header included where it falls). */
export function contentRange(seed: Buffer, offset: number, length: number): Buffer {
  const firstBlock = Math.floor(offset / 16);
  const skip = offset - firstBlock * 16;
  const iv = Buffer.alloc(16);
  // The counter of the first block, big-endian in the IV's last 8 bytes (CTR counts from the IV).
  iv.writeBigUInt64BE(BigInt(firstBlock), 8);
  const cipher = createCipheriv("aes-128-ctr", seed, iv);
  const out = cipher.update(Buffer.alloc(skip + length)).subarray(skip);
  if (offset < RDB_HEADER.length) {
    RDB_HEADER.copy(out, 0, offset, Math.min(RDB_HEADER.length, offset + length));
  }
  return out;
}

/** The whole file (tests compare a download with it). */
export function fileBytes(objectKey: string, size: number): Buffer {
  return size === 0 ? Buffer.alloc(0) : contentRange(contentSeed(objectKey), 0, size);
}
