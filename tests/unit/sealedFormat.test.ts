import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, HEADER_BYTES, Opener, SealedFileError, Sealer, openBuffer, plainSizeOf, sealBuffer, sealState, keyIdOf, sealedSizeOf } from '../../electron/data/originals/sealedFormat';

const key = randomBytes(32);
const sizes = [0, 1, 100, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES, 3 * CHUNK_BYTES + 17];

describe('sealed originals (AES-256-GCM in chunks)', () => {
  it('opens what it sealed, whatever the size, and knows both sizes from each other', () => {
    for (const n of sizes) {
      const plain = randomBytes(n);
      const sealed = sealBuffer(key, plain);
      expect(sealed.length).toBe(sealedSizeOf(n));
      expect(plainSizeOf(sealed.length)).toBe(n);
      expect(openBuffer(key, sealed).equals(plain)).toBe(true);
      expect(sealState(sealed, keyIdOf(key))).toBe('sealed');
    }
  });

  it('gives the same bytes fed piece by piece, in any cut', () => {
    const plain = randomBytes(2 * CHUNK_BYTES + 5000);
    const s = new Sealer(key);
    const parts: Buffer[] = [];
    for (let i = 0; i < plain.length; i += 7777) parts.push(...s.update(plain.subarray(i, i + 7777)));
    parts.push(...s.final());
    const sealed = Buffer.concat(parts);
    const o = new Opener(key);
    const out: Buffer[] = [];
    for (let i = 0; i < sealed.length; i += 1000) out.push(...o.update(sealed.subarray(i, i + 1000)));
    out.push(...o.final());
    expect(Buffer.concat(out).equals(plain)).toBe(true);
  });

  it('holds no readable trace of the plaintext', () => {
    const sealed = sealBuffer(key, Buffer.from('canarytext '.repeat(1000)));
    expect(sealed.toString('latin1')).not.toContain('canary');
    // Two seals of the same bytes differ (a fresh salt, so a fresh key, per file).
    expect(sealBuffer(key, Buffer.from('x')).equals(sealBuffer(key, Buffer.from('x')))).toBe(false);
  });

  it('refuses any change: a flipped byte, a header edit, chunks cut off or swapped, another key', () => {
    const plain = randomBytes(3 * CHUNK_BYTES + 10);
    const sealed = sealBuffer(key, plain);
    const flipped = Buffer.from(sealed);
    flipped[HEADER_BYTES + 5000] ^= 1;
    expect(() => openBuffer(key, flipped)).toThrow(SealedFileError);
    const header = Buffer.from(sealed);
    header[20] ^= 1;
    expect(() => openBuffer(key, header)).toThrow(SealedFileError);
    // Cut at a chunk boundary: the remaining last chunk was not sealed as the last one.
    const record = CHUNK_BYTES + 16;
    expect(() => openBuffer(key, sealed.subarray(0, HEADER_BYTES + 2 * record))).toThrow(SealedFileError);
    const swapped = Buffer.concat([sealed.subarray(0, HEADER_BYTES), sealed.subarray(HEADER_BYTES + record, HEADER_BYTES + 2 * record), sealed.subarray(HEADER_BYTES, HEADER_BYTES + record), sealed.subarray(HEADER_BYTES + 2 * record)]);
    expect(() => openBuffer(key, swapped)).toThrow(SealedFileError);
    expect(() => openBuffer(randomBytes(32), sealed)).toThrow(SealedFileError);
    expect(sealState(sealed, keyIdOf(randomBytes(32)))).toBe('otherKey');
    expect(sealState(plain, keyIdOf(key))).toBe('plain');
  });
});
