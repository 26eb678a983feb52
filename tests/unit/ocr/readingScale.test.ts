import { describe, expect, it } from 'vitest';
import { READING_WORD_HEIGHT, readingScale } from '../../../shared/ocr/readingScale';

describe('the scale a cut of a page is read again at', () => {
  it('brings the median word to the height the recogniser reads best, from small type up and from large type down', () => {
    // A header cell at 150 dpi: words about 30 px high, one speck-sized box among them.
    expect(readingScale([29, 30, 31, 30, 8])).toBeCloseTo(READING_WORD_HEIGHT / 30, 5);
    // Bold capitals at 300 dpi: about 60 px.
    expect(readingScale([58, 60, 62])).toBeCloseTo(READING_WORD_HEIGHT / 60, 5);
  });

  it('reads a cut already near that height as it is', () => {
    expect(readingScale([39, 40, 41])).toBe(1);
    expect(readingScale([READING_WORD_HEIGHT + 1])).toBe(1);
  });

  it('stays within bounds for boxes far off any text size, and is 1 with no word to measure', () => {
    expect(readingScale([3, 4, 5])).toBe(3);
    expect(readingScale([400, 420])).toBe(0.5);
    expect(readingScale([])).toBe(1);
    expect(readingScale([0, -2])).toBe(1);
  });
});
