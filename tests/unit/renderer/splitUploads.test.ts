import { describe, expect, it } from 'vitest';
import { MAX_BYTES_PER_PART, MAX_FILES_PER_PART, splitUploads } from '../../../renderer/src/components/intake/splitUploads';

describe('a large upload sent in parts', () => {
  it('keeps each part within the file count and the byte budget, in order, losing nothing', () => {
    const sizes = Array.from({ length: 3_000 }, (_, i) => 10_000 + (i % 7) * 50_000);
    const parts = splitUploads(sizes, (s) => s, 500, 60 * 1024 * 1024);
    expect(parts.flat()).toEqual(sizes);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(500);
      expect(p.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(60 * 1024 * 1024);
    }
    // 480 MB in all: eight parts of at most 60 MiB (the byte budget binds before the count).
    expect(parts.length).toBe(8);
  });

  it('by default keeps a part within what one request of the browser host takes, as base64', () => {
    const HOST_BODY_BYTES = 160 * 1024 * 1024;
    expect(Math.ceil((MAX_BYTES_PER_PART * 4) / 3)).toBeLessThan(HOST_BODY_BYTES);
    const parts = splitUploads(Array.from({ length: 3_000 }, () => 9_000), (s) => s);
    expect(parts.map((p) => p.length)).toEqual(Array.from({ length: 12 }, () => MAX_FILES_PER_PART));
  });

  it('cuts on bytes before the count, and sends a file bigger than the budget on its own', () => {
    expect(splitUploads([40, 40, 40, 200, 10], (s) => s, 500, 100)).toEqual([[40, 40], [40], [200], [10]]);
    expect(splitUploads([], (s: number) => s)).toEqual([]);
  });
});
