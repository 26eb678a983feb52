import { describe, expect, it } from 'vitest';
import { firstOriginal } from '../../../renderer/src/components/viewer/firstOriginal';

const a = (id: number, fileName: string, mediaType: string) => ({ id, fileName, mediaType });

describe('the original the viewer opens first', () => {
  it('is the one with pages: a PDF or a scan before a Word file, a Word file before a text copy', () => {
    const text = a(1, 'ket-luan-1485.txt', 'text/plain');
    const word = a(2, 'ket-luan-1485.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const pdf = a(3, 'ket-luan-1485.pdf', 'application/pdf');
    const scan = a(4, 'ket-luan-1485.tif', 'image/tiff');
    expect(firstOriginal([text, word, pdf])).toBe(pdf);
    expect(firstOriginal([text, scan])).toBe(scan);
    expect(firstOriginal([text, word])).toBe(word);
    // The name speaks when the media type is generic.
    expect(firstOriginal([text, a(5, 'ban-chup.PDF', 'application/octet-stream')])?.id).toBe(5);
  });

  it('keeps the order attached among equals, and has none to open without originals', () => {
    const first = a(1, 'trang-1.png', 'image/png');
    expect(firstOriginal([first, a(2, 'trang-2.jpg', 'image/jpeg'), a(3, 'ban-in.pdf', 'application/pdf')])).toBe(first);
    expect(firstOriginal([a(7, 'ghi-chu.txt', 'text/plain')])?.id).toBe(7);
    expect(firstOriginal([])).toBeNull();
  });
});
