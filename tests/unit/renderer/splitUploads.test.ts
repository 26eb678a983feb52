import { describe, expect, it } from 'vitest';
import { splitUploads } from '../../../renderer/src/components/intake/splitUploads';

describe('a large upload sent as consecutive runs', () => {
  it('keeps each run within the file count and the byte budget, in order, losing nothing', () => {
    const sizes = Array.from({ length: 3_000 }, (_, i) => 10_000 + (i % 7) * 50_000);
    const parts = splitUploads(sizes, (s) => s, 500, 60 * 1024 * 1024);
    expect(parts.flat()).toEqual(sizes);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(500);
      expect(p.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(60 * 1024 * 1024);
    }
    // 480 MB in all: eight runs of at most 60 MiB (the byte budget binds before the count).
    expect(parts.length).toBe(8);
  });

  it('cuts on bytes before the count, and sends a file bigger than the budget on its own', () => {
    expect(splitUploads([40, 40, 40, 200, 10], (s) => s, 500, 100)).toEqual([[40, 40], [40], [200], [10]]);
    expect(splitUploads([], (s: number) => s)).toEqual([]);
  });
});
