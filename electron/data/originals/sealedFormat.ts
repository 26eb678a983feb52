import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The at-rest form of an original in an encrypted catalogue ("sealed"): AES-256-GCM over chunks of
 * the plaintext, after the STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár, "Online
 * Authenticated-Encryption and its Nonce-Reuse Misuse-Resistance", 2015) that age and Tink use:
 *
 *   header  = "KLSEAL" 0x00 0x01 (8) ‖ key id (8) ‖ salt (16)
 *   chunk i = AES-256-GCM(fileKey, nonce = 0⁷ ‖ i (u32 BE) ‖ last (u8), aad = header) (≤ 64 KiB) ‖ tag (16)
 *
 * fileKey = HKDF-SHA256(data key, salt, "kholuu original v1"): a fresh key per file, so counters
 * never repeat a nonce under one key. The last chunk is marked in its nonce, so a file cut at a
 * chunk boundary, chunks swapped, or a header changed all fail authentication. An empty original
 * is one empty last chunk. The plaintext's SHA-256 (the one the catalogue documents) is computed
 * over the opened bytes.
 */
export const MAGIC = Buffer.from('KLSEAL\x00\x01', 'latin1');
export const HEADER_BYTES = 32;
export const CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const RECORD_BYTES = CHUNK_BYTES + TAG_BYTES;
const INFO = Buffer.from('kholuu original v1', 'utf8');

/** A sealed file that does not open: changed on disk, cut short, or sealed under another key. */
export class SealedFileError extends Error {
  constructor(readonly reason: 'tampered' | 'truncated' | 'otherKey') {
    super(reason === 'otherKey' ? 'sealed under another key' : reason === 'truncated' ? 'sealed file cut short' : 'sealed file fails authentication (changed on disk)');
    this.name = 'SealedFileError';
  }
}

/** The 8 bytes naming a data key in each header (an HMAC of it, which says nothing of the key). */
export function keyIdOf(key: Buffer): Buffer {
  return createHmac('sha256', key).update('kholuu originals key id').digest().subarray(0, 8);
}

/** What a file's first bytes say: not sealed, sealed under this key, or sealed under another. */
export function sealState(head: Buffer, keyId: Buffer | null): 'plain' | 'sealed' | 'otherKey' {
  if (head.length < HEADER_BYTES || !head.subarray(0, MAGIC.length).equals(MAGIC)) return 'plain';
  return keyId !== null && head.subarray(8, 16).equals(keyId) ? 'sealed' : 'otherKey';
}

/** Size of the sealed form of `plainBytes` bytes. */
export function sealedSizeOf(plainBytes: number): number {
  return HEADER_BYTES + plainBytes + TAG_BYTES * Math.max(1, Math.ceil(plainBytes / CHUNK_BYTES));
}

/** Size of the plaintext a sealed file of `sealedBytes` bytes holds (-1 when no sealed file has that size). */
export function plainSizeOf(sealedBytes: number): number {
  const body = sealedBytes - HEADER_BYTES;
  if (body < TAG_BYTES) return -1;
  const records = Math.ceil(body / RECORD_BYTES);
  const plain = body - TAG_BYTES * records;
  return plain >= 0 && body - (records - 1) * RECORD_BYTES >= TAG_BYTES ? plain : -1;
}

function nonce(index: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeUInt32BE(index, 7);
  n[11] = last ? 1 : 0;
  return n;
}

function fileKey(key: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', key, salt, INFO, 32));
}

/** Seals a plaintext given piece by piece: `update` and `final` return the sealed bytes to write, in order. */
export class Sealer {
  private readonly header: Buffer;
  private readonly key: Buffer;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  private started = false;

  constructor(dataKey: Buffer) {
    const salt = randomBytes(16);
    this.header = Buffer.concat([MAGIC, keyIdOf(dataKey), salt]);
    this.key = fileKey(dataKey, salt);
  }

  private chunk(plain: Buffer, last: boolean): Buffer {
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce(this.index++, last));
    cipher.setAAD(this.header);
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  }

  private head(out: Buffer[]): void {
    if (!this.started) {
      out.push(this.header);
      this.started = true;
    }
  }

  update(plain: Buffer): Buffer[] {
    const out: Buffer[] = [];
    this.head(out);
    this.pending.push(plain);
    this.pendingBytes += plain.length;
    // A chunk is written only once more bytes follow it: the last one is marked as last.
    if (this.pendingBytes > CHUNK_BYTES) {
      let all = Buffer.concat(this.pending);
      while (all.length > CHUNK_BYTES) {
        out.push(this.chunk(all.subarray(0, CHUNK_BYTES), false));
        all = all.subarray(CHUNK_BYTES);
      }
      this.pending = [all];
      this.pendingBytes = all.length;
    }
    return out;
  }

  final(): Buffer[] {
    const out: Buffer[] = [];
    this.head(out);
    out.push(this.chunk(Buffer.concat(this.pending), true));
    this.pending = [];
    this.pendingBytes = 0;
    return out;
  }
}

/** Opens a sealed file given piece by piece; throws `SealedFileError` on any change. */
export class Opener {
  private header: Buffer | null = null;
  private key: Buffer | null = null;
  private buffered: Buffer = Buffer.alloc(0);
  private index = 0;

  constructor(
    private readonly dataKey: Buffer,
    private readonly keyId: Buffer = keyIdOf(dataKey),
  ) {}

  private open(record: Buffer, last: boolean): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.key!, nonce(this.index++, last));
    decipher.setAAD(this.header!);
    decipher.setAuthTag(record.subarray(record.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(record.subarray(0, record.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new SealedFileError('tampered');
    }
  }

  update(sealed: Buffer): Buffer[] {
    this.buffered = this.buffered.length === 0 ? sealed : Buffer.concat([this.buffered, sealed]);
    const out: Buffer[] = [];
    if (this.header === null) {
      if (this.buffered.length < HEADER_BYTES) return out;
      const header = this.buffered.subarray(0, HEADER_BYTES);
      const state = sealState(header, this.keyId);
      if (state !== 'sealed') throw new SealedFileError(state === 'otherKey' ? 'otherKey' : 'tampered');
      this.header = Buffer.from(header);
      this.key = fileKey(this.dataKey, header.subarray(16, 32));
      this.buffered = this.buffered.subarray(HEADER_BYTES);
    }
    // A record is opened only once more bytes follow it (the last one is opened by `final`).
    while (this.buffered.length > RECORD_BYTES) {
      out.push(this.open(this.buffered.subarray(0, RECORD_BYTES), false));
      this.buffered = this.buffered.subarray(RECORD_BYTES);
    }
    return out;
  }

  final(): Buffer[] {
    if (this.header === null || this.buffered.length < TAG_BYTES) throw new SealedFileError('truncated');
    const last = this.open(this.buffered, true);
    this.buffered = Buffer.alloc(0);
    return [last];
  }
}

export function sealBuffer(dataKey: Buffer, plain: Buffer): Buffer {
  const s = new Sealer(dataKey);
  return Buffer.concat([...s.update(plain), ...s.final()]);
}

export function openBuffer(dataKey: Buffer, sealed: Buffer, keyId?: Buffer): Buffer {
  const o = new Opener(dataKey, keyId);
  return Buffer.concat([...o.update(sealed), ...o.final()]);
}
