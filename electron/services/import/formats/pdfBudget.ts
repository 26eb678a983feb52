import zlib from 'node:zlib';

/**
 * A PDF "bomb" guard, run before pdf.js. pdf.js decodes a stream whole into memory, however big it
 * unpacks: one page whose content stream is a megabyte of deflated zeros becomes a gigabyte (and
 * 2.5 GB of memory, ten seconds) before a single character is read, and a 50 MB file could unpack
 * to fifty gigabytes. So every stream of the file is unpacked here first, counting bytes and
 * keeping none, through the filters that expand data (Flate, LZW, RunLength, and the ASCII
 * encodings in front of them), stopping at the first byte over the budget.
 *
 * Text extraction never decodes images, so image streams (`/Subtype /Image`, a scan's pages) only
 * need to stay under the per-stream limit; all other streams (page contents, fonts, forms, object
 * streams) together must fit the total. What this cannot see: streams of an encrypted PDF (pdf.js
 * decrypts those itself; they are counted as they are stored).
 */
export const MAX_STREAM_BYTES = 256 * 1024 * 1024;
export const MAX_TEXT_STREAMS_BYTES = 512 * 1024 * 1024;

export type PdfBudget = { ok: true; unpacked: number } | { ok: false; unpacked: number; offset: number };

class OverBudget extends Error {}

const STREAM = Buffer.from('stream');
const ENDSTREAM = Buffer.from('endstream');

/** Inflates, counting; keeps the output only when a later filter needs it. */
function inflate(data: Buffer, limit: number, keep: boolean, raw: boolean): Promise<{ size: number; out: Buffer | null }> {
  return new Promise((resolve, reject) => {
    const z = raw ? zlib.createInflateRaw() : zlib.createInflate();
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err: Error | null) => {
      if (done) return;
      done = true;
      z.removeAllListeners();
      z.on('error', () => {});
      if (err instanceof OverBudget) reject(err);
      // Damaged data: pdf.js stops where zlib stops, so what came out so far is what it would get.
      else resolve({ size, out: keep ? Buffer.concat(chunks) : null });
    };
    z.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        finish(new OverBudget());
        z.destroy();
        return;
      }
      if (keep) chunks.push(c);
    });
    z.on('end', () => finish(null));
    z.on('error', (e) => finish(e));
    z.end(data);
  });
}

/** LZW as in PDF (9–12 bit codes, 256 clear, 257 end, early change), with a cap on the output. */
function lzw(data: Buffer, limit: number, keep: boolean): { size: number; out: Buffer | null } {
  const table: Array<Buffer | number> = [];
  const reset = () => {
    table.length = 258;
    for (let i = 0; i < 256; i++) table[i] = keep ? Buffer.from([i]) : 1;
  };
  reset();
  const lenOf = (e: Buffer | number) => (typeof e === 'number' ? e : e.length);
  const out: Buffer[] = [];
  let size = 0;
  let bits = 9;
  let bitBuf = 0;
  let bitCount = 0;
  let prev: Buffer | number | null = null;
  for (let i = 0; i < data.length; i++) {
    bitBuf = (bitBuf << 8) | data[i]!;
    bitCount += 8;
    while (bitCount >= bits) {
      const code = (bitBuf >>> (bitCount - bits)) & ((1 << bits) - 1);
      bitCount -= bits;
      bitBuf &= (1 << bitCount) - 1;
      if (code === 256) {
        reset();
        bits = 9;
        prev = null;
        continue;
      }
      if (code === 257) return { size, out: keep ? Buffer.concat(out) : null };
      let entry: Buffer | number;
      if (code < table.length) entry = table[code]!;
      else if (prev !== null) entry = keep ? Buffer.concat([prev as Buffer, (prev as Buffer).subarray(0, 1)]) : lenOf(prev) + 1;
      else return { size, out: keep ? Buffer.concat(out) : null };
      size += lenOf(entry);
      if (size > limit) throw new OverBudget();
      if (keep) out.push(entry as Buffer);
      if (prev !== null && table.length < 4096) table.push(keep ? Buffer.concat([prev as Buffer, (entry as Buffer).subarray(0, 1)]) : lenOf(prev) + 1);
      prev = entry;
      if (table.length + 1 >= 1 << bits && bits < 12) bits++;
    }
  }
  return { size, out: keep ? Buffer.concat(out) : null };
}

function runLength(data: Buffer, limit: number, keep: boolean): { size: number; out: Buffer | null } {
  const out: Buffer[] = [];
  let size = 0;
  for (let i = 0; i < data.length; ) {
    const n = data[i]!;
    if (n === 128) break;
    const piece = n < 128 ? data.subarray(i + 1, i + 2 + n) : Buffer.alloc(257 - n, data[i + 1] ?? 0);
    i += n < 128 ? n + 2 : 2;
    size += piece.length;
    if (size > limit) throw new OverBudget();
    if (keep) out.push(piece);
  }
  return { size, out: keep ? Buffer.concat(out) : null };
}

function asciiHex(data: Buffer): Buffer {
  const hex = data.toString('latin1').replace(/>.*$/s, '').replace(/[^0-9a-fA-F]/g, '');
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
}

function ascii85(data: Buffer): Buffer {
  const text = data.toString('latin1').replace(/~>.*$/s, '').replace(/\s/g, '');
  const out: number[] = [];
  let group: number[] = [];
  const flush = (g: number[], n: number) => {
    let v = 0;
    for (const c of g) v = v * 85 + c;
    for (let k = 3; k >= 4 - n; k--) out.push((v >>> (8 * k)) & 0xff);
  };
  for (const ch of text) {
    if (ch === 'z' && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    const c = ch.charCodeAt(0) - 33;
    if (c < 0 || c > 84) continue;
    group.push(c);
    if (group.length === 5) {
      flush(group, 4);
      group = [];
    }
  }
  if (group.length > 1) {
    const n = group.length - 1;
    while (group.length < 5) group.push(84);
    flush(group, n);
  }
  return Buffer.from(out);
}

function filtersOf(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  if (!m) return [];
  return [...m[1]!.matchAll(/\/([A-Za-z0-9]+)/g)].map((x) => x[1]!);
}

/** Unpacks one stream through its filters; returns the size text extraction would get. */
async function unpackedSize(data: Buffer, filters: string[], limit: number): Promise<number> {
  let current = data;
  let size = data.length;
  for (let k = 0; k < filters.length; k++) {
    const keep = k < filters.length - 1;
    const f = filters[k]!;
    if (f === 'FlateDecode' || f === 'Fl') {
      let r = await inflate(current, limit, keep, false);
      if (r.size === 0) r = await inflate(current, limit, keep, true);
      size = r.size;
      if (!r.out) return size;
      current = r.out;
    } else if (f === 'LZWDecode' || f === 'LZW') {
      const r = lzw(current, limit, keep);
      size = r.size;
      if (!r.out) return size;
      current = r.out;
    } else if (f === 'RunLengthDecode' || f === 'RL') {
      const r = runLength(current, limit, keep);
      size = r.size;
      if (!r.out) return size;
      current = r.out;
    } else if (f === 'ASCIIHexDecode' || f === 'AHx') {
      current = asciiHex(current);
      size = current.length;
    } else if (f === 'ASCII85Decode' || f === 'A85') {
      current = ascii85(current);
      size = current.length;
    } else return size; // image codecs and the rest: not decoded to read text
  }
  return size;
}

/** Walks every `stream … endstream` of the file and checks what it would unpack to. */
export async function checkPdfStreams(bytes: Uint8Array): Promise<PdfBudget> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let textBytes = 0;
  let unpacked = 0;
  for (let at = buf.indexOf(STREAM); at >= 0; at = buf.indexOf(STREAM, at + STREAM.length)) {
    // `endstream` contains `stream`; a stream keyword follows a dictionary's `>>`.
    if (at >= 3 && buf.toString('latin1', at - 3, at) === 'end') continue;
    let start = at + STREAM.length;
    if (buf[start] === 0x0d) start++;
    if (buf[start] !== 0x0a) continue;
    start++;
    const end = buf.indexOf(ENDSTREAM, start);
    if (end < 0) break;
    const head = buf.toString('latin1', Math.max(0, at - 65_536), at);
    const dict = head.slice(Math.max(0, head.lastIndexOf(' obj') >= 0 ? head.lastIndexOf(' obj') : head.lastIndexOf('<<')));
    if (!dict.trimEnd().endsWith('>>')) continue;
    const image = /\/Subtype\s*\/Image\b/.test(dict);
    const limit = image ? MAX_STREAM_BYTES : Math.min(MAX_STREAM_BYTES, MAX_TEXT_STREAMS_BYTES - textBytes);
    let size: number;
    try {
      size = await unpackedSize(buf.subarray(start, end), filtersOf(dict), limit);
    } catch (err) {
      if (err instanceof OverBudget) return { ok: false, unpacked: unpacked + limit, offset: at };
      throw err;
    }
    unpacked += size;
    if (!image) textBytes += size;
    at = end;
  }
  return { ok: true, unpacked };
}
