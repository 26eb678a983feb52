/** `remove`, `unremove`, `removed`, `destruction …` and `encrypt` (safety). */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { DestructionDecision } from '../../shared/contract/types/safety';
import { ApiError } from '../../shared/contract/errors';
import { type ParsedArgs, stringOption } from './args';
import type { Call } from './main';
import { readPassphraseFile } from './passphrase';
import { follow } from './followJob';
import { confirm, printJson } from './safetyCommands';

function idArg(args: ParsedArgs, index: number): number {
  const id = Number(args.positional[index]);
  if (!Number.isInteger(id) || id <= 0) throw new ApiError('cli.badId', { value: args.positional[index] ?? null });
  return id;
}

function required(args: ParsedArgs, name: string, label: string): string {
  const v = stringOption(args, name);
  if (!v) throw new ApiError('cli.missingOption', { option: name, label });
  return v;
}

function kindArg(args: ParsedArgs): 'document' | 'file' {
  const kind = args.positional[1];
  if (kind !== 'document' && kind !== 'file') throw new ApiError('cli.documentOrFile');
  return kind;
}

function printDecision(d: DestructionDecision): void {
  console.log(`[${d.id}] Quyết định số ${d.decisionNumber} ngày ${d.decisionDate} — ${d.approvedBy}${d.approverTitle ? `, ${d.approverTitle}` : ''} — ${d.state}`);
  if (d.listSha256) console.log(`    danh mục đã xuất ${d.listExportedAt}, SHA-256 ${d.listSha256}`);
  if (d.executedAt) console.log(`    thi hành ${d.executedAt} (${d.executedBy})`);
  if (d.quarantinePath) console.log(`    bản gốc đã chuyển tới ${d.quarantinePath}`);
  for (const it of d.items) console.log(`    hồ sơ ${it.fondsCode}/${it.code}: ${it.title} (${it.startDate ?? '?'} – ${it.endDate ?? '?'}, ${it.retentionLabel ?? ''}, hết hạn ${it.expiredOn ?? '?'}, ${it.documentCount} văn bản)`);
}

async function destruction(call: Call, args: ParsedArgs, userPath: (p: string) => string): Promise<number> {
  const sub = args.positional[1];
  const json = args.options.has('json');
  switch (sub) {
    case 'candidates': {
      const list = await call('destruction.candidates', {});
      if (json) printJson(list);
      else if (list.length === 0) console.log('Không có hồ sơ nào đã hết thời hạn bảo quản.');
      else list.forEach((c) => console.log(`[${c.fileId}] ${c.fondsCode}/${c.code}: ${c.title} — ${c.retentionLabel}, kết thúc ${c.endDate}, hết hạn từ ${c.expiredOn}`));
      return 0;
    }
    case 'list': {
      const list = await call('destruction.list', {});
      if (json) printJson(list);
      else if (list.length === 0) console.log('Chưa ghi nhận quyết định tiêu hủy nào.');
      else list.forEach(printDecision);
      return 0;
    }
    case 'show': {
      const d = await call('destruction.get', { id: idArg(args, 2) });
      if (json) printJson(d);
      else printDecision(d);
      return 0;
    }
    case 'record': {
      const fileIds = required(args, 'files', 'mã các hồ sơ, cách nhau bởi dấu phẩy').split(',').map((x) => Number(x.trim()));
      const d = await call('destruction.record', {
        decisionNumber: required(args, 'number', 'số quyết định'),
        decisionDate: required(args, 'date', 'ngày quyết định YYYY-MM-DD'),
        approvedBy: required(args, 'approved-by', 'người/cơ quan phê duyệt'),
        approverTitle: stringOption(args, 'approver-title') ?? null,
        basis: stringOption(args, 'basis') ?? null,
        notes: stringOption(args, 'notes') ?? null,
        fileIds,
      });
      console.log('Đã ghi nhận quyết định (chưa thi hành; bản gốc giữ nguyên):');
      printDecision(d);
      return 0;
    }
    case 'export': {
      const out = userPath(required(args, 'out', 'tệp .csv cần ghi'));
      const exported = await call('destruction.exportList', { id: idArg(args, 2) });
      fs.writeFileSync(out, exported.content, 'utf8');
      console.log(`Đã xuất danh mục tài liệu hết giá trị: ${out}\nSHA-256: ${exported.sha256}\nHãy kiểm tra danh mục rồi xác nhận: destruction confirm ${args.positional[2]} --list ${out}`);
      return 0;
    }
    case 'confirm': {
      const id = idArg(args, 2);
      const list = userPath(required(args, 'list', 'tệp danh mục đã xuất'));
      const sha = createHash('sha256').update(fs.readFileSync(list)).digest('hex');
      if (!(await confirm(`Xác nhận thi hành quyết định ${id} theo danh mục ${list}?`, args))) {
        console.error('Chưa xác nhận (thêm --yes để xác nhận).');
        return 3;
      }
      printDecision(await call('destruction.confirm', { id, listSha256: sha }));
      return 0;
    }
    case 'move-originals': {
      const r = await call('destruction.moveOriginals', { id: idArg(args, 2), quarantineDir: userPath(required(args, 'to', 'thư mục cách ly')) });
      console.log(`Đã chuyển ${r.moved} bản gốc (${r.bytes} byte) tới ${r.quarantinePath} (không xóa).`);
      for (const p of r.problems) console.error(`  CẢNH BÁO: ${p}`);
      return r.problems.length > 0 ? 2 : 0;
    }
    case 'cancel': {
      printDecision(await call('destruction.cancel', { id: idArg(args, 2), reason: required(args, 'reason', 'lý do') }));
      return 0;
    }
    default:
      throw new ApiError('cli.unknownSubcommand', { command: 'destruction', sub: sub ?? '' });
  }
}

export async function recordsCommand(call: Call, args: ParsedArgs, userPath: (p: string) => string, currentPassphrase: string | null = null): Promise<number> {
  const command = args.positional[0];
  switch (command) {
    case 'remove': {
      const kind = kindArg(args);
      const id = idArg(args, 2);
      const reason = required(args, 'reason', 'lý do gỡ bỏ');
      if (kind === 'document') await call('documents.remove', { id, reason });
      else console.log(`Gỡ cùng hồ sơ: ${(await call('files.remove', { id, reason })).documentIds.length} văn bản.`);
      console.log(`Đã gỡ bỏ ${kind === 'document' ? 'văn bản' : 'hồ sơ'} ${id} (khôi phục: unremove ${kind} ${id}).`);
      return 0;
    }
    case 'unremove': {
      const kind = kindArg(args);
      const id = idArg(args, 2);
      const reason = stringOption(args, 'reason') ?? null;
      if (kind === 'document') await call('documents.restore', { id, reason });
      else await call('files.restore', { id, reason });
      console.log(`Đã khôi phục ${kind === 'document' ? 'văn bản' : 'hồ sơ'} ${id}.`);
      return 0;
    }
    case 'removed': {
      const page = await call('removed.list', { limit: 500 });
      if (args.options.has('json')) printJson(page);
      else {
        if (page.total === 0) console.log('Không có bản ghi nào bị gỡ bỏ.');
        for (const r of page.items) console.log(`${r.kind === 'document' ? 'văn bản' : 'hồ sơ'} ${r.id} ${r.fondsCode} ${r.reference ?? ''} ${r.title ?? ''}\n    gỡ ${r.removal.at} bởi ${r.removal.by}: ${r.removal.reason}`);
        if (page.hiddenSecret > 0) console.log(`(${page.hiddenSecret} văn bản mật đã gỡ đang được ẩn)`);
      }
      return 0;
    }
    case 'destruction':
      return destruction(call, args, userPath);
    case 'encrypt': {
      const next = readPassphraseFile(userPath(required(args, 'new-passphrase-file', 'tệp chứa mật khẩu mới')));
      const moveTo = stringOption(args, 'move-exports-to');
      const { jobId } = await call('catalogue.setPassphrase', {
        next,
        ...(currentPassphrase ? { current: currentPassphrase } : {}),
        ...(moveTo ? { moveExportsTo: userPath(moveTo) } : {}),
        ...(args.options.has('remove-exports') ? { removeExports: true as const } : {}),
      });
      const status = await follow(call, jobId);
      if (status.state === 'cancelled') {
        console.error('Đã hủy: danh mục vẫn như trước, mật khẩu chưa đổi.');
        return 130;
      }
      if (status.state !== 'done') {
        throw status.errorMessage ? ApiError.fromBody({ ...status.errorMessage, kind: 'internal' } as never) : new ApiError('job.unexpected', { detail: status.error ?? '' });
      }
      const { result: r } = await call('catalogue.passphraseResult', { jobId });
      if (!r) throw new ApiError('job.unexpected', { detail: 'no result' });
      for (const to of r.exportsMoved) console.log(`Đã chuyển tệp đã xuất sang: ${to}`);
      for (const name of r.exportsRemoved) console.log(`Đã xóa tệp đã xuất: ${name}`);
      console.log(`Danh mục đã được mã hóa (trạng thái trước: bản sao lưu ${r.safetyBackupId}); ${r.backupsRekeyed} bản sao lưu đã mã hóa lại theo mật khẩu mới.`);
      for (const p of r.backupProblems) console.error(`  CẢNH BÁO: ${p}`);
      if (r.originalsSealed > 0) console.log(`${r.originalsSealed} tệp bản gốc (trong thư mục bản gốc và các bản sao lưu) đã được mã hóa.`);
      return r.backupProblems.length > 0 ? 2 : 0;
    }
    default:
      throw new ApiError('cli.unknownCommand', { command: String(command) });
  }
}
