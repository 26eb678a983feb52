/**
 * Verifies a bag (RFC 8493 §3): the declaration, every payload file against the manifest
 * (missing, changed, extra), the tag files against the tag manifest, the Payload-Oxum, and no
 * name that could escape the bag. For a Kho Lưu package, also the catalogue records: readable,
 * consistent, and naming only originals the manifest vouches for. Hashes every listed file in one
 * pass over the bag (`BagSource.hashFiles`: a zip read from start to end, a folder several files
 * at once), then compares; holds only names and hashes in memory.
 */
import { createHash } from 'node:crypto';
import type { VerificationProblem, VerificationReport } from '../../../../shared/contract/types/handover';
import {
  BAG_INFO,
  BAGIT_TXT,
  bagInfoValue,
  bagInfoValues,
  bagitDeclarationIssue,
  MANIFEST,
  parseBagInfo,
  parseManifest,
  parseOxum,
  PAYLOAD_DIR,
  TAG_MANIFEST,
  type BagInfo,
  type ManifestIssue,
} from '../../../../shared/handover/bagit';
import { coded, sentence } from '../../../../shared/contract/errors';
import { CATALOGUE_JSON, catalogueReferenceProblems, packageCatalogue, type PackageCatalogue } from '../../../../shared/handover/packageFormat';
import type { BagSource } from './bagSource';
import { Cancelled } from '../../jobs';

export const MAX_PROBLEMS_KEPT = 1_000;
const MAX_TAG_BYTES = 64 * 1024 * 1024;
const MAX_CATALOGUE_BYTES = 512 * 1024 * 1024;

export interface VerifyOptions {
  now: string;
  onBytes?: (n: number) => void;
  onFile?: () => void;
  cancelled?: () => boolean;
}

export interface Verified {
  report: VerificationReport;
  /** Payload path → SHA-256, as the manifest states it (only when the manifest was readable). */
  manifest: Map<string, string>;
  catalogue: PackageCatalogue | null;
}

const TAG_FILES = new Set([BAGIT_TXT, BAG_INFO, MANIFEST, TAG_MANIFEST]);

export async function verifyBag(source: BagSource, opts: VerifyOptions): Promise<Verified> {
  const problems: VerificationProblem[] = [];
  const counts = { missing: 0, changed: 0, extra: 0, unsafe: 0, other: 0 };
  let problemCount = 0;
  const problem = (p: VerificationProblem) => {
    problemCount++;
    if (p.kind === 'missing') counts.missing++;
    else if (p.kind === 'changed' || p.kind === 'tag_changed') counts.changed++;
    else if (p.kind === 'extra') counts.extra++;
    else if (p.kind === 'unsafe_path' || p.kind === 'symlink' || p.kind === 'unreadable_entry') counts.unsafe++;
    else counts.other++;
    if (problems.length < MAX_PROBLEMS_KEPT) problems.push(p);
  };
  const checkCancel = () => {
    if (opts.cancelled?.()) throw new Cancelled();
  };
  const manifestMap = new Map<string, string>();
  let bagInfo: BagInfo = [];
  let catalogue: PackageCatalogue | null = null;
  let digest: string | null = null;
  let payloadFiles = 0;
  let payloadBytes = 0;

  const finish = (): Verified => ({
    report: {
      source: source.location,
      sourceKind: source.kind,
      valid: problemCount === 0,
      checkedAt: opts.now,
      bagInfo,
      batchUuid: bagInfoValue(bagInfo, 'KhoLuu-Batch-Id'),
      batchCode: bagInfoValue(bagInfo, 'KhoLuu-Batch-Code'),
      digest,
      contents: catalogue
        ? {
            fondsCodes: catalogue.fonds.map((f) => f.code),
            files: catalogue.files.length,
            documents: catalogue.documents.length,
            attachments: catalogue.attachments.length,
            from: catalogue.organizations.find((o) => o.key === catalogue!.batch.fromKey)?.name ?? null,
            to: catalogue.organizations.find((o) => o.key === catalogue!.batch.toKey)?.name ?? null,
          }
        : null,
      payloadFiles,
      payloadBytes,
      counts,
      problems,
      problemCount,
      alreadyHeld: [],
      alreadyReceivedBatchId: null,
    },
    manifest: manifestMap,
    catalogue,
  });

  // Names that may never be used, whatever the manifests say.
  for (const u of source.unsafe) problem({ kind: 'unsafe_path', path: u.path, ...coded('package.unsafePath', { path: u.path, reason: u.reason }) });
  for (const s of source.symlinks) problem({ kind: 'symlink', path: s, ...coded('package.symlink', { path: s }) });
  for (const d of source.duplicates) problem({ kind: 'duplicate_entry', path: d, ...coded('package.duplicateZipEntry', { path: d }) });
  for (const o of source.outside) problem({ kind: 'extra', path: o, ...coded('package.outsideBag', { path: o }) });
  for (const b of source.bombs) {
    problem({
      kind: 'unreadable_entry',
      path: b.path,
      ...coded('package.zipBomb', { path: b.path, size: b.size, ratio: Math.round(b.size / Math.max(1, b.packed)) }),
    });
  }
  // A zip entry whose data is damaged, or unpacks past the size its header declares (a
  // bomb with a lying header: yauzl stops it at the first byte too many), is a problem of the
  // package, reported like the others, not a failure of the verification.
  const unreadable = (bagPath: string) =>
    problem({
      kind: 'unreadable_entry',
      path: bagPath,
      ...coded('package.unreadableEntry', { path: bagPath }),
    });
  const readText = async (bagPath: string, maxBytes: number): Promise<string | null> => {
    try {
      return await source.readText(bagPath, maxBytes);
    } catch {
      unreadable(bagPath);
      return null;
    }
  };
  /** Every file a manifest lists, hashed in one pass (below): path → SHA-256, or null when unreadable. */
  let hashes = new Map<string, string | null>();
  const hashOf = (bagPath: string): string | null => {
    const h = hashes.get(bagPath) ?? null;
    if (h === null) unreadable(bagPath);
    return h;
  };

  const declaration = await readText(BAGIT_TXT, MAX_TAG_BYTES);
  if (declaration === null) {
    problem({ kind: 'not_a_bag', path: BAGIT_TXT, ...coded('package.notBagit') });
    return finish();
  }
  const declProblem = bagitDeclarationIssue(declaration);
  if (declProblem) problem({ kind: 'bad_tag_file', path: BAGIT_TXT, ...coded('package.badDeclaration', { reason: declProblem }) });

  const infoText = await readText(BAG_INFO, MAX_TAG_BYTES);
  if (infoText !== null) {
    const parsed = parseBagInfo(infoText);
    bagInfo = parsed.info;
    if (parsed.malformedLines.length > 0) problem({ kind: 'bad_tag_file', path: BAG_INFO, ...coded('package.badBagInfoLines', { lines: parsed.malformedLines.slice(0, 10) }) });
  }

  const manifestText = await readText(MANIFEST, MAX_TAG_BYTES);
  if (manifestText === null) {
    problem({ kind: 'not_a_bag', path: MANIFEST, ...coded('package.noManifest') });
    return finish();
  }
  const reportIssue = (issue: ManifestIssue, file: string) => {
    if (issue.kind === 'unsafe_path') {
      problem({ kind: 'unsafe_path', path: issue.path, ...coded('package.manifestUnsafePath', { file, line: issue.line, path: issue.path, reason: issue.reason }) });
    } else if (issue.kind === 'duplicate') {
      problem({ kind: 'duplicate_entry', path: issue.path, ...coded('package.manifestDuplicate', { file, line: issue.line, path: issue.path }) });
    } else if (issue.kind === 'bad_checksum') {
      problem({ kind: 'bad_tag_file', path: issue.path, ...coded('package.manifestBadChecksum', { file, line: issue.line, path: issue.path }) });
    } else {
      problem({ kind: 'bad_tag_file', path: file, ...coded('package.manifestBadLine', { file, line: issue.line }) });
    }
  };
  const manifest = parseManifest(manifestText, true);
  for (const issue of manifest.issues) reportIssue(issue, MANIFEST);
  for (const e of manifest.entries) manifestMap.set(e.path, e.sha256);

  // Payload-Oxum first: a quick count of what is there, before any hashing.
  const payload = [...source.files.values()].filter((f) => f.path.startsWith(`${PAYLOAD_DIR}/`));
  payloadFiles = payload.length;
  payloadBytes = payload.reduce((s, f) => s + f.size, 0);
  const oxumText = bagInfoValue(bagInfo, 'Payload-Oxum');
  const oxum = parseOxum(oxumText);
  if (oxumText !== null && !oxum) problem({ kind: 'bad_tag_file', path: BAG_INFO, ...coded('package.badOxum', { value: oxumText }) });
  if (oxum && (oxum.bytes !== payloadBytes || oxum.files !== payloadFiles)) {
    problem({
      kind: 'oxum_mismatch',
      path: BAG_INFO,
      ...coded('package.oxumMismatch', { files: oxum.files, bytes: oxum.bytes, payloadFiles, payloadBytes }),
      expected: oxumText!,
      actual: `${payloadBytes}.${payloadFiles}`,
    });
  }

  // The tag manifest is read now, so that its files are hashed in the same pass as the payload's.
  const tagText = await readText(TAG_MANIFEST, MAX_TAG_BYTES);
  const tags = tagText === null ? null : parseManifest(tagText, false);
  const listed = [...manifest.entries, ...(tags?.entries.filter((e) => !e.path.startsWith(`${PAYLOAD_DIR}/`)) ?? [])];
  hashes = await source.hashFiles(
    listed.filter((e) => source.files.has(e.path)).map((e) => e.path),
    { onBytes: opts.onBytes, onFile: opts.onFile, checkCancel },
  );

  for (const e of manifest.entries) {
    checkCancel();
    const present = source.files.get(e.path);
    if (!present) {
      problem({ kind: 'missing', path: e.path, ...coded('package.missing', { path: e.path }), expected: e.sha256 });
      continue;
    }
    const actual = hashOf(e.path);
    if (actual !== null && actual !== e.sha256) {
      problem({ kind: 'changed', path: e.path, ...coded('package.changed', { path: e.path }), expected: e.sha256, actual });
    }
  }
  for (const f of payload) {
    if (!manifestMap.has(f.path) && !manifest.issues.some((i) => 'path' in i && i.path === f.path)) {
      problem({ kind: 'extra', path: f.path, ...coded('package.extraPayload', { path: f.path }) });
    }
  }

  const tagListed = new Set<string>();
  if (tagText !== null && tags !== null) {
    digest = createHash('sha256').update(tagText, 'utf8').digest('hex');
    for (const issue of tags.issues) reportIssue(issue, TAG_MANIFEST);
    for (const e of tags.entries) {
      checkCancel();
      tagListed.add(e.path);
      if (e.path.startsWith(`${PAYLOAD_DIR}/`)) {
        problem({ kind: 'bad_tag_file', path: e.path, ...coded('package.tagListsPayload', { path: e.path, file: TAG_MANIFEST }) });
        continue;
      }
      if (!source.files.has(e.path)) {
        problem({ kind: 'missing', path: e.path, ...coded('package.missingTag', { path: e.path }), expected: e.sha256 });
        continue;
      }
      const actual = hashOf(e.path);
      if (actual !== null && actual !== e.sha256) problem({ kind: 'tag_changed', path: e.path, ...coded('package.tagChanged', { path: e.path, file: TAG_MANIFEST }), expected: e.sha256, actual });
    }
  }
  for (const f of source.files.values()) {
    if (f.path.startsWith(`${PAYLOAD_DIR}/`) || TAG_FILES.has(f.path) || tagListed.has(f.path) || /^(tag)?manifest-[a-z0-9]+\.txt$/.test(f.path)) continue;
    problem({ kind: 'extra', path: f.path, ...coded('package.extraTag', { path: f.path, file: TAG_MANIFEST }) });
  }

  // A Kho Lưu package: its catalogue must be readable and agree with the manifest.
  if (manifestMap.has(CATALOGUE_JSON) && source.files.has(CATALOGUE_JSON)) {
    const text = await readText(CATALOGUE_JSON, MAX_CATALOGUE_BYTES);
    let parsed: ReturnType<typeof packageCatalogue.safeParse> | null = null;
    try {
      parsed = text === null ? null : packageCatalogue.safeParse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (!parsed || !parsed.success) {
      problem({ kind: 'bad_catalogue', path: CATALOGUE_JSON, ...coded('package.badCatalogue') });
    } else {
      catalogue = parsed.data;
      for (const m of catalogueReferenceProblems(catalogue)) problem({ kind: 'bad_catalogue', path: CATALOGUE_JSON, message: sentence('vi', m), text: m });
      for (const a of catalogue.attachments) {
        const listed = manifestMap.get(a.path);
        if (listed === undefined) problem({ kind: 'bad_catalogue', path: a.path, ...coded('package.attachmentNotInManifest', { path: a.path }) });
        else if (listed !== a.sha256) problem({ kind: 'bad_catalogue', path: a.path, ...coded('package.attachmentDigest', { path: a.path }) });
      }
      const uuid = bagInfoValue(bagInfo, 'KhoLuu-Batch-Id');
      if (uuid !== null && uuid !== catalogue.batch.uuid) problem({ kind: 'bad_catalogue', path: BAG_INFO, ...coded('package.batchIdMismatch') });
      const codes = bagInfoValues(bagInfo, 'KhoLuu-Fonds-Code');
      if (codes.length > 0 && codes.sort().join('|') !== catalogue.fonds.map((f) => f.code).sort().join('|')) {
        problem({ kind: 'bad_catalogue', path: BAG_INFO, ...coded('package.fondsCodeMismatch') });
      }
    }
  }
  return finish();
}
