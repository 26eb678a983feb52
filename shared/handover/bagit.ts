/**
 * The text formats of a BagIt bag (RFC 8493): `bagit.txt`, `bag-info.txt`, the manifests, and the
 * Payload-Oxum. Pure: building and parsing text only; reading and hashing files is the services'
 * job. Paths inside manifests are checked by `bagPaths.ts`.
 */
import { unsafeBagPath, type UnsafePathReason } from './bagPaths';

export const BAGIT_VERSION = '1.0';
export const MANIFEST = 'manifest-sha256.txt';
export const TAG_MANIFEST = 'tagmanifest-sha256.txt';
export const BAGIT_TXT = 'bagit.txt';
export const BAG_INFO = 'bag-info.txt';
export const PAYLOAD_DIR = 'data';
/** The audit log's head as a package records it (`KhoLuu-Audit-Head: <row> <sha256> <time>`), a witness `check` compares. */
export const AUDIT_HEAD_LABEL = 'KhoLuu-Audit-Head';

/** RFC 8493 §2.1.1: the bag declaration, exactly these two lines, no byte-order mark. */
export function bagitDeclaration(): string {
  return `BagIt-Version: ${BAGIT_VERSION}\nTag-File-Character-Encoding: UTF-8\n`;
}

/** RFC 8493 §2.1.3: in manifests, `%`, CR and LF in a path are percent-encoded. */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function decodeManifestPath(path: string): string {
  return path.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');
}

export interface ManifestEntry {
  sha256: string;
  path: string;
}

/** One line per file, `<sha256> <path>`, sorted by path so the same bag gives the same bytes. */
export function buildManifest(entries: Iterable<ManifestEntry>): string {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return sorted.map((e) => `${e.sha256} ${encodeManifestPath(e.path)}\n`).join('');
}

export type ManifestIssue =
  | { kind: 'malformed_line'; line: number; text: string }
  | { kind: 'bad_checksum'; line: number; path: string; checksum: string }
  | { kind: 'unsafe_path'; line: number; path: string; reason: UnsafePathReason }
  | { kind: 'duplicate'; line: number; path: string };

export interface ParsedManifest {
  entries: ManifestEntry[];
  issues: ManifestIssue[];
}

/** Splits tag-file text on LF, CRLF or CR (all three are allowed line endings). */
function lines(text: string): string[] {
  const out = text.split(/\r\n|\r|\n/);
  if (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/**
 * Reads a manifest. Every line must be a 64-hex SHA-256, whitespace, and a safe relative path;
 * a path listed twice, an unsafe path (absolute, `..`, backslash…) or a malformed line is
 * reported, never followed. `requirePayload` demands `data/…` paths (payload manifest).
 */
export function parseManifest(text: string, requirePayload: boolean): ParsedManifest {
  const entries: ManifestEntry[] = [];
  const issues: ManifestIssue[] = [];
  const seen = new Set<string>();
  lines(text.replace(/^\uFEFF/, '')).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const m = /^(\S+)[ \t]+(.+)$/.exec(raw);
    if (!m) {
      issues.push({ kind: 'malformed_line', line, text: raw.slice(0, 200) });
      return;
    }
    const checksum = m[1]!.toLowerCase();
    const path = decodeManifestPath(m[2]!);
    if (!/^[0-9a-f]{64}$/.test(checksum)) {
      issues.push({ kind: 'bad_checksum', line, path, checksum: m[1]!.slice(0, 100) });
      return;
    }
    const reason = unsafeBagPath(path) ?? (requirePayload && !path.startsWith(`${PAYLOAD_DIR}/`) ? 'outside_payload' : null);
    if (reason) {
      issues.push({ kind: 'unsafe_path', line, path, reason });
      return;
    }
    if (seen.has(path)) {
      issues.push({ kind: 'duplicate', line, path });
      return;
    }
    seen.add(path);
    entries.push({ sha256: checksum, path });
  });
  return { entries, issues };
}

/** Ordered label/value pairs; labels may repeat (RFC 8493 §2.2.2). */
export type BagInfo = Array<[string, string]>;

/**
 * `Label: value` lines. A value's own line breaks become continuation lines starting with a
 * space, as the RFC's folding allows, so a multi-line legal basis survives the round trip.
 */
export function buildBagInfo(info: BagInfo): string {
  return info
    .filter(([, value]) => value.trim() !== '')
    .map(([label, value]) => {
      if (!/^[^:\s][^:\r\n]*$/.test(label)) throw new Error(`Invalid bag-info label: ${label}`);
      const folded = value
        .replace(/\r\n|\r/g, '\n')
        .split('\n')
        .map((part, i) => (i === 0 ? part : ` ${part}`))
        .join('\n');
      return `${label}: ${folded}\n`;
    })
    .join('');
}

export interface ParsedBagInfo {
  info: BagInfo;
  malformedLines: number[];
}

/** Reads `bag-info.txt`; continuation lines (leading space or tab) join the value above. */
export function parseBagInfo(text: string): ParsedBagInfo {
  const info: BagInfo = [];
  const malformedLines: number[] = [];
  lines(text.replace(/^\uFEFF/, '')).forEach((raw, i) => {
    if (/^[ \t]/.test(raw)) {
      const last = info[info.length - 1];
      if (last) last[1] = `${last[1]}\n${raw.replace(/^[ \t]+/, '')}`;
      else malformedLines.push(i + 1);
      return;
    }
    if (raw.trim() === '') return;
    const m = /^([^:]+?)[ \t]*:[ \t]?(.*)$/.exec(raw);
    if (!m) {
      malformedLines.push(i + 1);
      return;
    }
    info.push([m[1]!.trim(), m[2]!]);
  });
  return { info, malformedLines };
}

/** Values of a label, matched without regard to case (labels are case-insensitive). */
export function bagInfoValues(info: BagInfo, label: string): string[] {
  const wanted = label.toLowerCase();
  return info.filter(([l]) => l.toLowerCase() === wanted).map(([, v]) => v);
}

export function bagInfoValue(info: BagInfo, label: string): string | null {
  return bagInfoValues(info, label)[0] ?? null;
}

/** What is wrong with a bagit.txt declaration (a BOM, no version, not UTF-8), or null. */
export function bagitDeclarationIssue(text: string): 'bom' | 'version' | 'encoding' | null {
  if (text.startsWith('\uFEFF')) return 'bom';
  const { info } = parseBagInfo(text);
  const version = bagInfoValue(info, 'BagIt-Version');
  const encoding = bagInfoValue(info, 'Tag-File-Character-Encoding');
  if (!version || !/^\d+\.\d+$/.test(version.trim())) return 'version';
  if (!encoding || encoding.trim().toUpperCase() !== 'UTF-8') return 'encoding';
  return null;
}

/** Payload-Oxum: `<octet count>.<stream count>` of the payload, a quick completeness check. */
export function formatOxum(bytes: number, files: number): string {
  return `${bytes}.${files}`;
}

export function parseOxum(value: string | null): { bytes: number; files: number } | null {
  if (value === null) return null;
  const m = /^\s*(\d+)\.(\d+)\s*$/.exec(value);
  return m ? { bytes: Number(m[1]), files: Number(m[2]) } : null;
}
