/**
 * A catalogue holding secret "canary" documents: every field of a secret record carries a string
 * found nowhere else (subject, full text, number, date, issuer, signer, notes, file name, SHA-256,
 * database ids), and the record has been through every area while secrets were visible — imported
 * by upload and again from a folder (a duplicate), reviewed, searched and saved in the history,
 * put in a handover batch and packed, backed up, edited after the backup, damaged on disk, put in
 * a destruction decision. A viewer who may not see secrets must find none of those strings in
 * anything the product shows or writes; `leaksIn` says which it finds.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createServices } from '../../electron/services/createServices';
import { SAMPLES_DIR, SEED } from './paths';
import { FIXTURES_DIR, archiveWithFiles, openSafetyApp } from './safety';
import { type TestApp, tempDir, testAppOf, waitForJob } from './services';
import { LEGAL_BASIS } from './handover';

/** Words found only in secret records (lower case, no diacritics, so any folding finds them). */
export const CANARY_WORDS = ['canarysubj', 'canaryxa', 'canarytext', 'canarynote', 'canaryissuer', 'canarysigner', 'canaryplace', 'canaryaddr', 'canaryrecip', 'canaryfile'];
export const CANARY_NUMBER = '97531-BC/UBKTTU';
export const CANARY_DATE = '2010-07-13';
/** The first secret document's id: a number no other record reaches. */
export const CANARY_DOCUMENT_ID = 987_654;
export const CANARY_FILE_NAME = 'bao-cao-canaryfile-mat.txt';

/** The secret report, rewritten so that each part of it is a canary. */
export function canaryText(variant = ''): string {
  const text = fs.readFileSync(path.join(FIXTURES_DIR, 'f05_bao_cao_ubkt_mat.txt'), 'utf8');
  return text
    .replace('Số 63-BC/UBKTTU', `Số ${CANARY_NUMBER}`)
    .replace('ngày 11 tháng 10 năm 2024', 'ngày 13 tháng 7 năm 2010')
    .replace('kết quả kiểm tra khi có dấu hiệu vi phạm đối với\nBan Thường vụ Đảng ủy xã Quảng Tín', 'kết quả kiểm tra canarysubj đối với\nBan Thường vụ Đảng ủy xã Canaryxa')
    .replace('I- KẾT QUẢ KIỂM TRA', `I- KẾT QUẢ KIỂM TRA\n\nNội dung canarytext chỉ có trong văn bản mật này${variant}.`)
    .replace('Trương Công Hậu', 'Trương Công Canarysigner');
}

/** The fields of the first secret document, set by hand so that none depends on the parser. */
const CANARY_FIELDS = {
  numberSymbol: CANARY_NUMBER,
  issueDate: CANARY_DATE,
  subject: 'kết quả kiểm tra canarysubj đối với Ban Thường vụ Đảng ủy xã Canaryxa',
  issuer: 'ỦY BAN KIỂM TRA CANARYISSUER',
  place: 'Canaryplace',
  signerName: 'Trương Công Canarysigner',
  addressees: ['Ban Thường vụ Canaryaddr'],
  recipients: ['Lưu Canaryrecip'],
  notes: 'Ghi chú canarynote',
};

export interface CanaryWorld {
  dir: string;
  cataloguePath: string;
  orgId: number;
  successorId: number;
  fondsId: number;
  fixedFileId: number;
  permanentFileId: number;
  /** Open documents (visible to everyone), in the fixed-term file with the secret ones. */
  documentIds: number[];
  /** Secret documents: the canary (backed up), one imported after the backup, one removed. */
  secretIds: number[];
  /** SHA-256 of every secret original, and the originals' ids (small numbers: looked for only where a field names them). */
  secretSha256: string[];
  secretAttachmentIds: number[];
  batchId: number;
  /** A package of the batch (holding the secret documents), made with export unlocked. */
  packagePath: string;
  backupId: string;
  decisionId: number;
  runIds: number[];
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

async function upload(app: TestApp, target: { fondsId: number; fileId?: number }, name: string, content: string) {
  const { jobId } = await app.call('import.start', { target, uploads: [{ name, contentBase64: Buffer.from(content).toString('base64') }] });
  const status = await waitForJob(app, jobId);
  const r = status.results[0];
  if (!r || r.outcome !== 'imported') throw new Error(`upload ${name}: ${JSON.stringify(status.results)}`);
  return { documentId: r.documentId!, runId: status.runId! };
}

/** Builds the canary catalogue in `dir` (through the services, secrets visible) and closes it. */
export async function buildCanaryWorld(dir = tempDir('kholuu-canary-')): Promise<CanaryWorld> {
  const app = openSafetyApp(dir, { host: 'test' });
  try {
    const { org, fonds, fixed, permanent } = await archiveWithFiles(app);
    const successor = await app.call('organizations.create', { name: 'Đảng ủy xã Ea Súp (mới)', level: 'commune' });
    const runIds: number[] = [];
    const documentIds: number[] = [];
    for (const seed of [SEED.conclusion1485, SEED.conclusion1097, SEED.letter4029]) {
      const r = await upload(app, { fondsId: fonds.id, fileId: fixed.id }, path.basename(seed), fs.readFileSync(seed, 'utf8'));
      documentIds.push(r.documentId);
      runIds.push(r.runId);
    }
    // New rows take the largest id plus one: a removed placeholder just below the canary's id gives
    // the secret documents ids no other number in the catalogue reaches.
    const db = app.services.context.catalogue.db;
    const at = app.services.context.catalogue.now();
    db.prepare(
      "INSERT INTO documents (id, fonds_id, subject, created_at, updated_at, removed_at, removed_by, removal_reason) VALUES (?, ?, 'Chỗ giữ số (kiểm thử)', ?, ?, ?, 'tester', 'Chỗ giữ số')",
    ).run(CANARY_DOCUMENT_ID - 1, fonds.id, at, at, at);

    const text = canaryText();
    const first = await upload(app, { fondsId: fonds.id, fileId: fixed.id }, CANARY_FILE_NAME, text);
    if (first.documentId !== CANARY_DOCUMENT_ID) throw new Error(`canary got id ${first.documentId}`);
    runIds.push(first.runId);
    await app.call('documents.update', { id: CANARY_DOCUMENT_ID, patch: { ...CANARY_FIELDS } });
    const secret = await app.call('documents.get', { id: CANARY_DOCUMENT_ID });
    if (secret.securityLevel === null) throw new Error('the canary is not secret');
    const pending = secret.reviewFields.find((f) => !(f in CANARY_FIELDS));
    if (pending) await app.call('review.confirm', { documentId: CANARY_DOCUMENT_ID, fields: [pending] });

    // The same bytes again from a folder, under another telling name: a duplicate of the canary.
    // Sources and packages live outside the data folder, as a user's files do.
    const outside = tempDir('kholuu-canary-outside-');
    const folder = path.join(outside, 'nguon-ban-sao');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'ban-sao-canaryfile.txt'), text);
    const dup = await app.call('import.start', { target: { fondsId: fonds.id, fileId: fixed.id }, paths: [folder] });
    const dupStatus = await waitForJob(app, dup.jobId);
    if (dupStatus.results[0]?.outcome !== 'duplicate') throw new Error(`expected a duplicate: ${JSON.stringify(dupStatus.results)}`);
    runIds.push(dupStatus.runId!);

    // A bulk change over open and secret documents together, while visible.
    await app.call('bulk.start', { action: 'documents.setFields', selection: { kind: 'ids', ids: [documentIds[0]!, CANARY_DOCUMENT_ID] }, fields: { reliability: 'Bản sao y' } });

    // Searched, kept in the history and saved while visible.
    await app.call('search.query', { text: 'canarysubj' });
    await app.call('search.history.record', { query: { text: 'canarysubj canaryxa' }, total: 1 });
    await app.call('search.saved.save', { name: 'Tìm canarysubj', query: { text: 'canarytext' } });

    // A handover batch holding the fixed-term file, listed and packed with exports unlocked.
    let batch = await app.call('handover.batches.create', {
      code: '09/BB-BG',
      fromOrganizationId: org.id,
      toOrganizationId: successor.id,
      recipientKind: 'successor',
      legalBasis: LEGAL_BASIS,
      place: 'Ea Súp',
      handoverDate: '2025-08-15',
      senderRepresentative: 'Nguyễn Văn Bình',
      senderPosition: 'Chánh Văn phòng Huyện ủy',
      receiverRepresentative: 'Trần Thị Hoa',
      receiverPosition: 'Văn thư',
    });
    await app.call('access.unlockSecrets', { reason: 'Lập danh mục văn bản mật để bàn giao', purpose: 'export', durationMinutes: 60 });
    batch = await app.call('handover.batches.addFiles', {
      batchId: batch.id,
      fileIds: [fixed.id],
      secretConfirmation: { documentIds: [CANARY_DOCUMENT_ID], reason: 'Đã giải mật theo quyết định canarynote' },
    });
    await app.call('handover.batches.assignBoxes', { batchId: batch.id, filesPerBox: 10 });
    await app.call('handover.batches.advance', { id: batch.id, to: 'listed' });
    const packagePath = path.join(outside, 'goi-canary.zip');
    const packed = await app.call('handover.package.start', { batchId: batch.id, out: packagePath, zip: true });
    const packJob = await waitForJob(app, packed.jobId);
    if (packJob.state !== 'done') throw new Error(`packaging: ${packJob.error}`);
    await app.call('access.lockSecrets', {});

    const backup = await app.call('backups.create', { note: 'Trước khi sửa' });

    // After the backup: the canary edited, a second secret document imported, a third removed.
    await app.call('documents.update', { id: CANARY_DOCUMENT_ID, patch: { notes: 'Ghi chú canarynote sau sao lưu' } });
    const second = await upload(app, { fondsId: fonds.id, fileId: permanent.id }, 'mat-canaryfile-2.txt', canaryText(' (bản thứ hai)'));
    runIds.push(second.runId);
    // Another report of the same body a day later: same number, another date, so another record
    // (the same number, date and issuer would make it another original of the second).
    const thirdText = canaryText(' (bản thứ ba)').replace('ngày 13 tháng 7 năm 2010', 'ngày 14 tháng 7 năm 2010');
    const third = await upload(app, { fondsId: fonds.id }, 'mat-canaryfile-3.txt', thirdText);
    runIds.push(third.runId);
    await app.call('documents.remove', { id: third.documentId, reason: 'Nhập nhầm bản canarynote' });

    const decision = await app.call('destruction.record', { decisionNumber: '15-QĐ/VPHU', decisionDate: '2025-03-01', approvedBy: 'Chánh Văn phòng Huyện ủy', fileIds: [fixed.id] });

    const secretIds = [CANARY_DOCUMENT_ID, second.documentId, third.documentId];
    const secretSha256 = [sha256(text), sha256(canaryText(' (bản thứ hai)')), sha256(thirdText)];
    const secretAttachmentIds = secretIds.flatMap((id) => app.services.context.catalogue.repos.attachments.listByDocument(id).map((a) => a.id));
    // One secret original damaged on disk: integrity reports name what they find.
    const stored = app.services.context.catalogue.repos.attachments.storedPath(secretAttachmentIds[0]!);
    if (!stored) throw new Error('no stored path for the canary original');
    fs.appendFileSync(path.join(app.services.context.catalogue.originalsDir, stored), 'x');

    return {
      dir,
      cataloguePath: app.cataloguePath,
      orgId: org.id,
      successorId: successor.id,
      fondsId: fonds.id,
      fixedFileId: fixed.id,
      permanentFileId: permanent.id,
      documentIds,
      secretIds,
      secretSha256,
      secretAttachmentIds,
      batchId: batch.id,
      packagePath,
      backupId: backup.id,
      decisionId: decision.id,
      runIds,
    };
  } finally {
    await app.close();
  }
}

/** The catalogue as the browser host opens it for someone who has not unlocked secrets. */
export function openLocked(world: CanaryWorld, dir = world.dir): TestApp {
  const cataloguePath = path.join(dir, path.basename(world.cataloguePath));
  return testAppOf(
    dir,
    cataloguePath,
    createServices({ cataloguePath, host: 'web', version: '0.0.0-test', samplesDir: SAMPLES_DIR, actor: 'Người xem', secretsVisibleByDefault: false }),
  );
}

/** A copy of the world's folder (catalogue, originals, backups, package) to spoil freely. */
export function copyWorld(world: CanaryWorld): string {
  const dir = tempDir('kholuu-canary-copy-');
  fs.cpSync(world.dir, dir, { recursive: true });
  return dir;
}

/**
 * The canary strings found in `text` (case-insensitive), leaving out those in `typed` (what the
 * caller sent: one may see what one typed). Numbers are matched outside hexadecimal runs, so a
 * hash that happens to contain the digits is not a leak.
 */
export function leaksIn(text: string, world: Pick<CanaryWorld, 'secretIds' | 'secretSha256' | 'secretAttachmentIds'>, typed = ''): string[] {
  const lower = text.toLowerCase();
  const typedLower = typed.toLowerCase();
  const found: string[] = [];
  const plain = [
    ...CANARY_WORDS,
    CANARY_NUMBER.toLowerCase(),
    '97531-bc',
    '97531 bc',
    CANARY_DATE,
    '13/07/2010',
    '13/7/2010',
    'ngày 13 tháng 7 năm 2010',
    ...world.secretSha256,
  ];
  for (const s of plain) if (lower.includes(s) && !typedLower.includes(s)) found.push(s);
  for (const n of world.secretIds) {
    const re = new RegExp(`(?<![0-9a-f])${n}(?![0-9a-f])`);
    if (re.test(lower) && !re.test(typedLower)) found.push(`id ${n}`);
  }
  return found;
}
