import { randomFillSync } from "node:crypto";

let lastMs = 0;
let sequence = 0;
const random = Buffer.alloc(16 * 256);
let offset = random.length;

/**
 * A UUID of version 7 (RFC 9562): the time in milliseconds first, then a counter within the
 * millisecond, then random bits. Ids made one after another sort in that order, so rows written
 * in bulk go to the end of their primary-key index instead of to random pages all over it.
 */
export function uuidv7(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    // More than 4 096 ids in one millisecond: borrow the next one, as the RFC allows.
    lastMs += 1;
    sequence = 0;
  }
  if (offset === random.length) {
    randomFillSync(random);
    offset = 0;
  }
  const bytes = Buffer.from(random.subarray(offset, offset + 16));
  offset += 16;
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
