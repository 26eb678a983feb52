/**
 * Verifies a bag (RFC 8493 §3): the declaration, every payload file against the manifest
 * (missing, changed, extra), the tag files against the tag manifest, the Payload-Oxum, and no
 * name that could escape the bag. For a Kho Lưu package, also the catalogue records: readable,
 * consistent, and naming only originals the manifest vouches for. Reads each file once, as a
 * stream; holds only names and hashes in memory.
 */
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import type { VerificationProblem, VerificationReport } from '../../../../shared/contract/types/handover';
import {
  BAG_INFO,
  BAGIT_TXT,
  bagInfoValue,
  bagInfoValues,
  checkBagitDeclaration,
  MANIFEST,
  parseBagInfo,
  parseManifest,
  parseOxum,
  PAYLOAD_DIR,
  TAG_MANIFEST,
  type BagInfo,
  type ManifestIssue,
} from '../../../../shared/handover/bagit';
import { UNSAFE_PATH_MESSAGES } from '../../../../shared/handover/bagPaths';
import { CATALOGUE_JSON, catalogueReferenceProblems, packageCatalogue, type PackageCatalogue } from '../../../../shared/handover/packageFormat';
import type { BagSource } from './bagSource';
import { Cancelled } from '../cancelled';

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

/** SHA-256 of a stream, reading it to the end. */
async function hashStream(stream: NodeJS.ReadableStream, onBytes?: (n: number) => void): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(
    stream,
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        onBytes?.(chunk.length);
        cb();
      },
    }),
  );
  return hash.digest('hex');
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
  for (const u of source.unsafe) problem({ kind: 'unsafe_path', path: u.path, message: `Đường dẫn không an toàn “${u.path}” trong gói: ${UNSAFE_PATH_MESSAGES[u.reason]}.` });
  for (const s of source.symlinks) problem({ kind: 'symlink', path: s, message: `“${s}” là liên kết tượng trưng (symlink): không được phép trong gói.` });
  for (const d of source.duplicates) problem({ kind: 'duplicate_entry', path: d, message: `“${d}” xuất hiện hơn một lần trong tệp zip.` });
  for (const o of source.outside) problem({ kind: 'extra', path: o, message: `“${o}” nằm ngoài thư mục của gói.` });
  for (const b of source.bombs) {
    problem({
      kind: 'unreadable_entry',
      path: b.path,
      message: `“${b.path}” giải nén ra ${b.size} byte, gấp ${Math.round(b.size / Math.max(1, b.packed))} lần dữ liệu nén: có thể là “bom nén”, không đọc.`,
    });
  }
  // A zip entry whose data is damaged, or unpacks past the size its header declares (a
  // bomb with a lying header: yauzl stops it at the first byte too many), is a problem of the
  // package, reported like the others, not a failure of the verification.
  const unreadable = (bagPath: string) =>
    problem({
      kind: 'unreadable_entry',
      path: bagPath,
      message: `Không đọc được “${bagPath}” trong gói: dữ liệu nén bị hỏng hoặc giải nén ra nhiều hơn kích thước khai báo (có thể là “bom nén”).`,
    });
  const readText = async (bagPath: string, maxBytes: number): Promise<string | null> => {
    try {
      return await source.readText(bagPath, maxBytes);
    } catch {
      unreadable(bagPath);
      return null;
    }
  };
  const hashOf = async (bagPath: string, onBytes?: (n: number) => void): Promise<string | null> => {
    try {
      return await hashStream(await source.open(bagPath), onBytes);
    } catch {
      unreadable(bagPath);
      return null;
    }
  };

  const declaration = await readText(BAGIT_TXT, MAX_TAG_BYTES);
  if (declaration === null) {
    problem({ kind: 'not_a_bag', path: BAGIT_TXT, message: 'Không có tệp bagit.txt: đây không phải gói BagIt.' });
    return finish();
  }
  const declProblem = checkBagitDeclaration(declaration);
  if (declProblem) problem({ kind: 'bad_tag_file', path: BAGIT_TXT, message: declProblem });

  const infoText = await readText(BAG_INFO, MAX_TAG_BYTES);
  if (infoText !== null) {
    const parsed = parseBagInfo(infoText);
    bagInfo = parsed.info;
    if (parsed.malformedLines.length > 0) problem({ kind: 'bad_tag_file', path: BAG_INFO, message: `bag-info.txt có dòng sai định dạng (dòng ${parsed.malformedLines.slice(0, 10).join(', ')}).` });
  }

  const manifestText = await readText(MANIFEST, MAX_TAG_BYTES);
  if (manifestText === null) {
    problem({ kind: 'not_a_bag', path: MANIFEST, message: 'Không có tệp manifest-sha256.txt (Kho Lưu chỉ kiểm tra được gói dùng SHA-256).' });
    return finish();
  }
  const reportIssue = (issue: ManifestIssue, file: string) => {
    if (issue.kind === 'unsafe_path') {
      problem({ kind: 'unsafe_path', path: issue.path, message: `${file}, dòng ${issue.line}: đường dẫn không an toàn “${issue.path}” — ${UNSAFE_PATH_MESSAGES[issue.reason]}.` });
    } else if (issue.kind === 'duplicate') {
      problem({ kind: 'duplicate_entry', path: issue.path, message: `${file}, dòng ${issue.line}: “${issue.path}” được kê hai lần.` });
    } else if (issue.kind === 'bad_checksum') {
      problem({ kind: 'bad_tag_file', path: issue.path, message: `${file}, dòng ${issue.line}: mã SHA-256 không hợp lệ cho “${issue.path}”.` });
    } else {
      problem({ kind: 'bad_tag_file', path: file, message: `${file}, dòng ${issue.line}: dòng sai định dạng.` });
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
  if (oxumText !== null && !oxum) problem({ kind: 'bad_tag_file', path: BAG_INFO, message: `Payload-Oxum “${oxumText}” sai định dạng.` });
  if (oxum && (oxum.bytes !== payloadBytes || oxum.files !== payloadFiles)) {
    problem({
      kind: 'oxum_mismatch',
      path: BAG_INFO,
      message: `Payload-Oxum ghi ${oxum.files} tệp, ${oxum.bytes} byte; gói có ${payloadFiles} tệp, ${payloadBytes} byte.`,
      expected: oxumText!,
      actual: `${payloadBytes}.${payloadFiles}`,
    });
  }

  for (const e of manifest.entries) {
    checkCancel();
    const present = source.files.get(e.path);
    if (!present) {
      problem({ kind: 'missing', path: e.path, message: `Thiếu tệp “${e.path}” (có trong manifest nhưng không có trong gói).`, expected: e.sha256 });
      continue;
    }
    const actual = await hashOf(e.path, opts.onBytes);
    opts.onFile?.();
    if (actual !== null && actual !== e.sha256) {
      problem({ kind: 'changed', path: e.path, message: `Tệp “${e.path}” đã bị thay đổi: SHA-256 không khớp manifest.`, expected: e.sha256, actual });
    }
  }
  for (const f of payload) {
    if (!manifestMap.has(f.path) && !manifest.issues.some((i) => 'path' in i && i.path === f.path)) {
      problem({ kind: 'extra', path: f.path, message: `Tệp “${f.path}” không có trong manifest (tệp lạ được thêm vào gói).` });
    }
  }

  const tagText = await readText(TAG_MANIFEST, MAX_TAG_BYTES);
  const tagListed = new Set<string>();
  if (tagText !== null) {
    digest = createHash('sha256').update(tagText, 'utf8').digest('hex');
    const tags = parseManifest(tagText, false);
    for (const issue of tags.issues) reportIssue(issue, TAG_MANIFEST);
    for (const e of tags.entries) {
      checkCancel();
      tagListed.add(e.path);
      if (e.path.startsWith(`${PAYLOAD_DIR}/`)) {
        problem({ kind: 'bad_tag_file', path: e.path, message: `${TAG_MANIFEST} kê tệp dữ liệu “${e.path}” (chỉ được kê tệp thẻ).` });
        continue;
      }
      if (!source.files.has(e.path)) {
        problem({ kind: 'missing', path: e.path, message: `Thiếu tệp thẻ “${e.path}”.`, expected: e.sha256 });
        continue;
      }
      const actual = await hashOf(e.path);
      if (actual !== null && actual !== e.sha256) problem({ kind: 'tag_changed', path: e.path, message: `Tệp thẻ “${e.path}” đã bị thay đổi (không khớp ${TAG_MANIFEST}).`, expected: e.sha256, actual });
    }
  }
  for (const f of source.files.values()) {
    if (f.path.startsWith(`${PAYLOAD_DIR}/`) || TAG_FILES.has(f.path) || tagListed.has(f.path) || /^(tag)?manifest-[a-z0-9]+\.txt$/.test(f.path)) continue;
    problem({ kind: 'extra', path: f.path, message: `Tệp “${f.path}” ngoài thư mục data/ không được kê trong ${TAG_MANIFEST}.` });
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
      problem({ kind: 'bad_catalogue', path: CATALOGUE_JSON, message: 'Tệp danh mục catalogue.json không đọc được hoặc không đúng định dạng gói Kho Lưu.' });
    } else {
      catalogue = parsed.data;
      for (const m of catalogueReferenceProblems(catalogue)) problem({ kind: 'bad_catalogue', path: CATALOGUE_JSON, message: m });
      for (const a of catalogue.attachments) {
        const listed = manifestMap.get(a.path);
        if (listed === undefined) problem({ kind: 'bad_catalogue', path: a.path, message: `Danh mục kê bản gốc “${a.path}” nhưng manifest không có.` });
        else if (listed !== a.sha256) problem({ kind: 'bad_catalogue', path: a.path, message: `SHA-256 của bản gốc “${a.path}” trong danh mục khác với manifest.` });
      }
      const uuid = bagInfoValue(bagInfo, 'KhoLuu-Batch-Id');
      if (uuid !== null && uuid !== catalogue.batch.uuid) problem({ kind: 'bad_catalogue', path: BAG_INFO, message: 'Mã đợt trong bag-info.txt khác với mã đợt trong danh mục.' });
      const codes = bagInfoValues(bagInfo, 'KhoLuu-Fonds-Code');
      if (codes.length > 0 && codes.sort().join('|') !== catalogue.fonds.map((f) => f.code).sort().join('|')) {
        problem({ kind: 'bad_catalogue', path: BAG_INFO, message: 'Mã phông trong bag-info.txt khác với danh mục.' });
      }
    }
  }
  return finish();
}
