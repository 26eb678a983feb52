import { describe, expect, it } from 'vitest';
import { sentence } from '../../../shared/contract/errors';
import {
  bagInfoValue,
  bagInfoValues,
  bagitDeclaration,
  buildBagInfo,
  buildManifest,
  bagitDeclarationIssue,
  decodeManifestPath,
  encodeManifestPath,
  formatOxum,
  parseBagInfo,
  parseManifest,
  parseOxum,
} from '../../../shared/handover/bagit';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('BagIt manifests (RFC 8493 §2.1.3)', () => {
  it('writes one sorted line per file and reads it back', () => {
    const text = buildManifest([
      { sha256: B, path: 'data/z.txt' },
      { sha256: A, path: 'data/a b/Hồ sơ.pdf' },
    ]);
    expect(text).toBe(`${A} data/a b/Hồ sơ.pdf\n${B} data/z.txt\n`);
    const parsed = parseManifest(text, true);
    expect(parsed.issues).toEqual([]);
    expect(parsed.entries).toEqual([
      { sha256: A, path: 'data/a b/Hồ sơ.pdf' },
      { sha256: B, path: 'data/z.txt' },
    ]);
  });

  it('percent-encodes %, CR and LF in paths, and only those', () => {
    expect(encodeManifestPath('data/100%\nx\ry')).toBe('data/100%25%0Ax%0Dy');
    expect(decodeManifestPath('data/100%25%0Ax%0Dy')).toBe('data/100%\nx\ry');
    const parsed = parseManifest(buildManifest([{ sha256: A, path: 'data/50% off.txt' }]), true);
    expect(parsed.entries[0]!.path).toBe('data/50% off.txt');
  });

  it('accepts CRLF line endings and upper-case hex', () => {
    const parsed = parseManifest(`${A.toUpperCase()}  data/x.txt\r\n${B}\tdata/y.txt\r\n`, true);
    expect(parsed.issues).toEqual([]);
    expect(parsed.entries.map((e) => [e.sha256, e.path])).toEqual([
      [A, 'data/x.txt'],
      [B, 'data/y.txt'],
    ]);
  });

  it('reports every path that could escape the bag, and never returns it as an entry', () => {
    const lines = ['../etc/passwd', '/etc/passwd', 'data/../../x', 'C:/Windows/x', 'data\\x.txt', 'data//x', './data/x', 'data/./x', 'data/ok.txt'];
    const parsed = parseManifest(lines.map((l) => `${A} ${l}`).join('\n'), true);
    expect(parsed.entries.map((e) => e.path)).toEqual(['data/ok.txt']);
    const reasons = parsed.issues.map((i) => (i.kind === 'unsafe_path' ? [i.path, i.reason] : [i.kind]));
    expect(reasons).toEqual([
      ['../etc/passwd', 'parent'],
      ['/etc/passwd', 'absolute'],
      ['data/../../x', 'parent'],
      ['C:/Windows/x', 'drive'],
      ['data\\x.txt', 'backslash'],
      ['data//x', 'empty_segment'],
      ['./data/x', 'dot_segment'],
      ['data/./x', 'dot_segment'],
    ]);
  });

  it('refuses payload paths outside data/ in the payload manifest but not in the tag manifest', () => {
    expect(parseManifest(`${A} bag-info.txt\n`, true).issues[0]).toMatchObject({ kind: 'unsafe_path', reason: 'outside_payload' });
    expect(parseManifest(`${A} bag-info.txt\n`, false).entries).toHaveLength(1);
  });

  it('reports duplicates, malformed lines and bad checksums with their line numbers', () => {
    const parsed = parseManifest(`${A} data/x\n${B} data/x\nnotaline\n${'z'.repeat(64)} data/y\n${A.slice(1)} data/w\n`, true);
    expect(parsed.entries).toEqual([{ sha256: A, path: 'data/x' }]);
    expect(parsed.issues).toEqual([
      { kind: 'duplicate', line: 2, path: 'data/x' },
      { kind: 'malformed_line', line: 3, text: 'notaline' },
      { kind: 'bad_checksum', line: 4, path: 'data/y', checksum: 'z'.repeat(64) },
      { kind: 'bad_checksum', line: 5, path: 'data/w', checksum: A.slice(1) },
    ]);
  });
});

describe('bag-info.txt (RFC 8493 §2.2.2)', () => {
  it('folds multi-line values and reads them back; labels repeat and match without case', () => {
    const text = buildBagInfo([
      ['Source-Organization', 'Huyện ủy Krông Pắc'],
      ['Internal-Sender-Description', 'Công văn 64-CV/TW\nCông văn 14514-CV/VPTW'],
      ['KhoLuu-Fonds-Code', 'HU-KP'],
      ['KhoLuu-Fonds-Code', 'HU-KP-2'],
      ['Contact-Name', '   '],
    ]);
    expect(text).toBe(
      'Source-Organization: Huyện ủy Krông Pắc\nInternal-Sender-Description: Công văn 64-CV/TW\n Công văn 14514-CV/VPTW\nKhoLuu-Fonds-Code: HU-KP\nKhoLuu-Fonds-Code: HU-KP-2\n',
    );
    const { info, malformedLines } = parseBagInfo(text);
    expect(malformedLines).toEqual([]);
    expect(bagInfoValue(info, 'internal-sender-description')).toBe('Công văn 64-CV/TW\nCông văn 14514-CV/VPTW');
    expect(bagInfoValues(info, 'KHOLUU-FONDS-CODE')).toEqual(['HU-KP', 'HU-KP-2']);
    expect(bagInfoValue(info, 'Contact-Name')).toBeNull();
  });

  it('refuses a label that would break the format', () => {
    expect(() => buildBagInfo([['Bad: label', 'x']])).toThrow();
  });

  it('reports lines that are not label: value', () => {
    expect(parseBagInfo(' leading continuation\nno colon here\nOk: yes\n').malformedLines).toEqual([1, 2]);
  });
});

describe('bagit.txt and Payload-Oxum', () => {
  it('accepts its own declaration and refuses a broken one', () => {
    expect(bagitDeclarationIssue(bagitDeclaration())).toBeNull();
    expect(bagitDeclarationIssue(`\uFEFF${bagitDeclaration()}`)).toBe('bom');
    expect(bagitDeclarationIssue('Tag-File-Character-Encoding: UTF-8\n')).toBe('version');
    expect(bagitDeclarationIssue('BagIt-Version: 1.0\nTag-File-Character-Encoding: ISO-8859-1\n')).toBe('encoding');
    // Worded by the catalogue in either language.
    expect(sentence('vi', { code: 'package.badDeclaration', params: { reason: 'encoding' } })).toBe('bagit.txt phải khai báo Tag-File-Character-Encoding: UTF-8.');
    expect(sentence('en', { code: 'package.badDeclaration', params: { reason: 'encoding' } })).toBe('bagit.txt must declare Tag-File-Character-Encoding: UTF-8.');
  });

  it('formats and parses octets.streams', () => {
    expect(formatOxum(1048576, 12)).toBe('1048576.12');
    expect(parseOxum('1048576.12')).toEqual({ bytes: 1048576, files: 12 });
    expect(parseOxum('12')).toBeNull();
    expect(parseOxum(null)).toBeNull();
  });
});
