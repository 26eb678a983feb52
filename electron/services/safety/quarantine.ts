import fs from 'node:fs';
import path from 'node:path';
import { ApiError, coded, fieldError } from '../../../shared/contract/errors';
import type { QuarantineResult } from '../../../shared/contract/types/safety';
import { fsyncPath } from '../../data/fsync';
import { type ServiceContext, audit, nowOf } from '../context';
import { safeJoin } from './backups/originalsCopy';
import { getDecision } from './destruction';
import { insideDataFolder } from './dataFolder';
import { makeChosenDirs } from '../../data/makeDirs';

function within(child: string, parent: string): boolean {
  const c = path.resolve(child);
  const p = path.resolve(parent);
  return c === p || c.startsWith(p + path.sep);
}

const csvText = (text: string) => `"${text.replace(/"/g, '""')}"`;

function folderName(decisionNumber: string, decisionDate: string): string {
  const safe = decisionNumber.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[^A-Za-z0-9-]+/g, '_');
  return `tieu-huy_${safe}_${decisionDate}`;
}

const README = (n: string, d: string, by: string) =>
  `Bản gốc của các hồ sơ thuộc Quyết định tiêu hủy số ${n} ngày ${d} (${by}).\r\n` +
  `Kho Lưu đã chuyển các tệp này ra khỏi thư mục bản gốc được quản lý theo yêu cầu của người dùng; ` +
  `Kho Lưu không xóa chúng. Việc hủy vật lý (nếu có) do Hội đồng thực hiện và lập biên bản theo Hướng dẫn 29-HD/VPTW.\r\n` +
  `Danh sách tệp và mã SHA-256: ban-ke.csv\r\n`;

/**
 * Moves the originals of an executed destruction decision out of the managed folder into a folder
 * the user chose (never deletes them): each is copied, flushed and verified against its SHA-256,
 * recorded as moved, and only then removed from the managed folder. A crash at any point leaves
 * every original in at least one of the two places, and running it again finishes the job.
 */
export async function moveOriginalsToQuarantine(ctx: ServiceContext, id: number, quarantineDir: string): Promise<QuarantineResult> {
  const { catalogue } = ctx;
  const decision = getDecision(ctx, id);
  if (decision.state !== 'executed') {
    throw new ApiError('destruction.notExecuted');
  }
  if (!path.isAbsolute(quarantineDir)) {
    throw new ApiError('quarantine.dirNotAbsolute', {}, { quarantineDir: fieldError('field.absolutePathNeeded') });
  }
  for (const forbidden of [catalogue.originalsDir, catalogue.backupDir]) {
    if (within(quarantineDir, forbidden) || within(forbidden, quarantineDir)) {
      throw new ApiError('quarantine.dirOverlaps', {}, { quarantineDir: fieldError('field.folderNotAllowed') });
    }
  }
  if (catalogue.encrypted && insideDataFolder(ctx, quarantineDir)) {
    throw new ApiError('quarantine.insideDataFolder', { path: quarantineDir }, { quarantineDir: fieldError('field.folderNotAllowed') });
  }
  const target = path.join(path.resolve(quarantineDir), folderName(decision.decisionNumber, decision.decisionDate));
  makeChosenDirs(target);
  const originals = catalogue.repos.destruction.originals(id);
  const said: Array<ReturnType<typeof coded>> = [];
  let moved = 0;
  let bytes = 0;
  const rows = ['"attachment_id","document_id","file_name","sha256","size","path"'];
  for (const o of originals) {
    const destination = safeJoin(target, o.storedPath);
    if (!destination) {
      said.push(coded('quarantine.badPath', { storedPath: o.storedPath }));
      continue;
    }
    rows.push([o.attachmentId, o.documentId, csvText(o.fileName), o.sha256, o.size, csvText(path.relative(target, destination))].join(','));
    if (o.movedOutTo !== null) continue;
    const source = safeJoin(catalogue.originalsDir, o.storedPath);
    if (!source || !fs.existsSync(source)) {
      said.push(coded('quarantine.originalMissing', { storedPath: o.storedPath }));
      continue;
    }
    // The quarantine copy leaves the catalogue's care: written as imported (opened if sealed), so
    // that it matches the SHA-256 its list gives without the catalogue's key.
    const copied = await catalogue.originals.copyVerified(source, destination, o.sha256, 'plain');
    if (!copied.ok) {
      said.push(coded('quarantine.originalChanged', { storedPath: o.storedPath }));
      continue;
    }
    catalogue.transaction(() => catalogue.repos.destruction.markOriginalMoved(o.attachmentId, nowOf(ctx), destination));
    fs.rmSync(source, { force: true });
    moved++;
    bytes += o.size;
  }
  fs.writeFileSync(path.join(target, 'ban-ke.csv'), `\uFEFF${rows.join('\r\n')}\r\n`);
  fs.writeFileSync(path.join(target, 'DOC-TRUOC.txt'), `\uFEFF${README(decision.decisionNumber, decision.decisionDate, decision.approvedBy)}`);
  fsyncPath(target);
  const problems = said.map((c) => c.message);
  catalogue.transaction(() => {
    catalogue.repos.destruction.markOriginalsMoved(id, nowOf(ctx), target);
    audit(ctx, 'destruction.moveOriginals', 'destruction_decision', id, { quarantinePath: decision.quarantinePath }, { quarantinePath: target, moved, bytes, problems });
  });
  return { decisionId: id, quarantinePath: target, moved, bytes, problems, problemTexts: said.map((c) => c.text) };
}
