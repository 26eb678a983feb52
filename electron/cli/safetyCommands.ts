/**
 * Command line of the safety area: `audit verify`, `check`, `backup …`, and (in
 * recordsCommands.ts) `remove`, `unremove`, `removed`, `destruction …`, `encrypt`.
 * Exit codes: 0 all good; 2 a check found a problem (tampering, damage, missing originals);
 * 1 an error; 3 refused (nothing done, e.g. a restore not confirmed).
 */
import readline from 'node:readline/promises';
import type { AuditVerification, BackupInfo, IntegrityReport } from '../../shared/contract/types/safety';
import { ApiError } from '../../shared/contract/errors';
import { type ParsedArgs, stringOption } from './args';
import type { Call } from './main';
import { recordsCommand } from './recordsCommands';

/** Flags (options without a value) the safety commands add to the command line. */
export const SAFETY_FLAGS = ['yes', 'quick', 'remove-exports'] as const;

/** The commands this module answers. */
export const SAFETY_COMMANDS = new Set(['audit', 'check', 'backup', 'remove', 'unremove', 'removed', 'destruction', 'encrypt']);

export const SAFETY_USAGE = `
An toàn dữ liệu (safety):
  audit verify [--json]                                            kiểm tra chuỗi băm của nhật ký (mã thoát 2 nếu bị sửa)
  check [--quick] [--json]                                         kiểm tra toàn vẹn: SQLite, khóa ngoại, nhật ký, SHA-256 bản gốc
  backup [create] [--note TEXT] | backup list [--json]             sao lưu ngay / danh sách bản sao lưu
  backup verify <mã> | backup restore <mã> [--yes]                 kiểm tra / khôi phục (xem trước rồi xác nhận)
  backup settings [--interval-hours N] [--keep-last N] [--keep-daily N] [--keep-weekly N] [--dir THƯ_MỤC]
  remove document|file <mã> --reason "lý do"                       gỡ bỏ (có lý do, khôi phục được)
  unremove document|file <mã> [--reason "…"]                       khôi phục bản ghi đã gỡ bỏ
  removed [--json]                                                 các bản ghi đã gỡ bỏ
  destruction candidates|list|show <mã>                            hồ sơ hết hạn; các quyết định tiêu hủy
  destruction record --number SỐ --date YYYY-MM-DD --approved-by "…" --files 1,2,3 [--basis "…"]
  destruction export <mã> --out TỆP.csv                            xuất danh mục tài liệu hết giá trị
  destruction confirm <mã> --list TỆP.csv                          xác nhận đúng danh mục đã xuất
  destruction move-originals <mã> --to THƯ_MỤC                     chuyển bản gốc ra thư mục cách ly (không xóa)
  destruction cancel <mã> --reason "…"
  encrypt --new-passphrase-file TỆP [--move-exports-to THƯ_MỤC | --remove-exports]
                                                                   mã hóa danh mục / đổi mật khẩu; các tệp đã xuất còn
                                                                   đọc được trong thư mục xuất được chuyển ra ngoài
                                                                   thư mục dữ liệu, hoặc xóa khi đã có bản ở nơi khác

--passphrase-file TỆP: mật khẩu của danh mục đã mã hóa (nếu không có, hỏi khi cần).
--unlock-secrets "lý do": cho phép xem tài liệu mật trong lệnh này (ghi vào nhật ký).`;

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export async function confirm(question: string, args: ParsedArgs): Promise<boolean> {
  if (args.options.has('yes')) return true;
  if (!process.stdin.isTTY) return false;
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^(c|có|co|y|yes)$/i.test((await rl.question(`${question} [c/K] `)).trim());
  } finally {
    rl.close();
  }
}

/** The chain against its witnesses (witness file, backups, packages), one line each problem. */
function printAnchors(v: AuditVerification): void {
  const a = v.anchors;
  if (!a) return;
  const extra = [a.superseded > 0 ? `${a.superseded} đã được thay bởi một lần khôi phục ghi trong nhật ký` : '', a.unreachablePackages > 0 ? `${a.unreachablePackages} gói bàn giao không còn ở chỗ đã ghi` : '']
    .filter(Boolean)
    .join('; ');
  console.log(`Đối chứng nhật ký: ${a.compared} bản đối chứng (tệp bên cạnh danh mục, bản sao lưu, gói bàn giao), ${a.problems.length} lỗi${extra ? `; ${extra}` : ''}.`);
  if (a.witness.since) console.log(`  Tệp đối chứng có từ ${a.witness.since}.`);
  for (const p of a.problems) console.log(`  ${p.message}`);
}

async function auditVerify(call: Call, args: ParsedArgs): Promise<number> {
  const v = await call('audit.verify', {});
  if (args.options.has('json')) printJson(v);
  else {
    if (v.ok) console.log(`Nhật ký nguyên vẹn: ${v.checked}/${v.total} dòng, chuỗi băm khớp.`);
    else if (v.firstBrokenId === null) console.log(`NHẬT KÝ KHÔNG KHỚP VỚI BẢN ĐỐI CHỨNG: chuỗi băm tự khớp (${v.checked} dòng) nhưng đã bị cắt bớt hoặc sửa rồi tính lại.`);
    else {
      const b = v.firstBroken;
      console.log(`NHẬT KÝ BỊ SỬA: chuỗi băm đứt tại dòng ${v.firstBrokenId}` + (b ? ` (${b.at}, ${b.actor}, ${b.action} ${b.entityType} ${b.entityId ?? ''})` : '') + `; ${v.checked} dòng trước đó khớp.`);
    }
    printAnchors(v);
  }
  return v.ok ? 0 : 2;
}

function printCheck(r: IntegrityReport): void {
  const integrityOk = r.integrity.length === 1 && r.integrity[0] === 'ok';
  console.log(`SQLite integrity_check: ${integrityOk ? 'ok' : r.integrity.join('; ')}`);
  console.log(`Khóa ngoại (foreign_key_check): ${r.foreignKeys.length === 0 ? 'ok' : `${r.foreignKeys.length} lỗi`}`);
  for (const fk of r.foreignKeys.slice(0, 20)) console.log(`  ${fk.table} dòng ${fk.rowid} → ${fk.parent}`);
  console.log(`Nhật ký: ${r.audit.firstBrokenId === null ? `ok (${r.audit.checked} dòng)` : `chuỗi băm đứt tại dòng ${r.audit.firstBrokenId}`}`);
  printAnchors(r.audit);
  if (r.records) {
    console.log(`Bản ghi: ${r.records.checked} đã đối chiếu với nhật ký, ${r.records.problems.length + (r.records.unlisted ?? 0)} lỗi${r.records.notCovered > 0 ? `, ${r.records.notCovered} chưa có mã trong nhật ký (từ phiên bản cũ)` : ''}.`);
    for (const p of r.records.problems) {
      const what = p.entityType === 'document' ? `văn bản ${p.id ?? ''} ${p.label ?? ''}` : `bản gốc ${p.id ?? ''} ${p.label ?? ''}`;
      console.log(`  ${p.problem === 'changed' ? 'BỊ SỬA NGOÀI NHẬT KÝ' : 'KHÔNG CÓ TRONG NHẬT KÝ'}: ${what.replace(/\s+/g, ' ').trim()}`);
    }
    if (r.records.unlisted) console.log(`  … và ${r.records.unlisted} bản ghi khác`);
  }
  if (r.originals.included) {
    console.log(`Bản gốc: ${r.originals.checked} đã kiểm tra, ${r.originals.problems.length} lỗi, ${r.originals.movedOut} đã chuyển ra thư mục cách ly.`);
    for (const p of r.originals.problems) {
      const what = p.problem === 'missing' ? 'THIẾU' : p.problem === 'mismatch' ? 'BỊ THAY ĐỔI' : p.problem === 'unencrypted' ? 'CHƯA MÃ HÓA' : 'KHÔNG ĐỌC ĐƯỢC';
      console.log(`  ${what}: ${p.fileName} (văn bản ${p.documentId}, ${p.storedPath})${p.actualSha256 ? ` SHA-256 hiện tại ${p.actualSha256}` : ''}`);
    }
  } else console.log('Bản gốc: bỏ qua (--quick).');
  console.log(r.ok ? 'KẾT QUẢ: nguyên vẹn.' : 'KẾT QUẢ: CÓ LỖI.');
}

async function check(call: Call, args: ParsedArgs): Promise<number> {
  const report = await call('integrity.check', { originals: !args.options.has('quick') });
  if (args.options.has('json')) printJson(report);
  else printCheck(report);
  return report.ok ? 0 : 2;
}

function backupLine(b: BackupInfo): string {
  const c = b.summary.counts;
  return `${b.id}  ${b.reason}  ${c.documents} văn bản, ${c.files} hồ sơ, ${b.originals.included ? `${b.originals.count} bản gốc` : 'không kèm bản gốc'}${b.encrypted ? ', mã hóa' : ''}  ${(b.catalogueBytes / 1024).toFixed(0)} KB`;
}

async function backup(call: Call, args: ParsedArgs): Promise<number> {
  const sub = args.positional[1] ?? 'create';
  const id = args.positional[2];
  switch (sub) {
    case 'create': {
      const b = await call('backups.create', { note: stringOption(args, 'note') ?? null });
      console.log(`Đã sao lưu: ${backupLine(b)}\n  ${b.path}`);
      for (const p of b.originals.problems) console.error(`  CẢNH BÁO: ${p}`);
      return b.originals.problems.length > 0 ? 2 : 0;
    }
    case 'list': {
      const all = await call('backups.list', {});
      if (args.options.has('json')) printJson(all);
      else if (all.length === 0) console.log('Chưa có bản sao lưu nào.');
      else all.forEach((b) => console.log(backupLine(b)));
      return 0;
    }
    case 'verify': {
      if (!id) throw new ApiError('cli.backupIdMissing');
      const v = await call('backups.verify', { id });
      if (args.options.has('json')) printJson(v);
      else console.log(v.ok ? `Bản sao lưu ${id} nguyên vẹn (${v.originalsChecked} bản gốc đã kiểm tra).` : `Bản sao lưu ${id} CÓ LỖI:\n${v.problems.map((p) => `  ${p}`).join('\n')}`);
      return v.ok ? 0 : 2;
    }
    case 'restore': {
      if (!id) throw new ApiError('cli.backupIdMissing');
      const p = await call('backups.previewRestore', { id });
      const b = p.backup.summary.counts;
      const c = p.current.counts;
      console.log(`Khôi phục bản sao lưu ${id} (tạo lúc ${p.backup.createdAt}, ${p.backup.reason}):`);
      console.log(`  văn bản ${c.documents} → ${b.documents}; hồ sơ ${c.files} → ${b.files}; phông ${c.fonds} → ${b.fonds}; dòng nhật ký ${c.auditRows} → ${b.auditRows}`);
      console.log(`  thay đổi bị hoàn tác: ${p.changesUndone}; văn bản khác biệt: ${p.differencesTotal}`);
      for (const d of p.differences.slice(0, 20)) console.log(`    ${d.change === 'lost' ? 'mất' : d.change === 'back' ? 'trở lại' : 'đổi'}: [${d.id}] ${d.numberSymbol ?? ''} ${d.subject ?? ''}`);
      for (const w of p.warnings) console.log(`  ! ${w}`);
      if (!(await confirm('Khôi phục (trạng thái hiện tại sẽ được sao lưu trước)?', args))) {
        console.error('Chưa khôi phục (thêm --yes để xác nhận).');
        return 3;
      }
      const r = await call('backups.restore', { id, confirmToken: p.confirmToken });
      console.log(`Đã khôi phục từ ${r.restoredFrom}. Trạng thái trước đó: bản sao lưu ${r.safetyBackupId}. Bản gốc đặt lại: ${r.originalsRestored}.`);
      for (const x of r.originalsProblems) console.error(`  CẢNH BÁO: ${x}`);
      return 0;
    }
    case 'settings': {
      const num = (name: string) => (stringOption(args, name) === undefined ? undefined : Number(stringOption(args, name)));
      const patch = { intervalHours: num('interval-hours'), keepLast: num('keep-last'), keepDaily: num('keep-daily'), keepWeekly: num('keep-weekly'), dir: stringOption(args, 'dir') };
      const changed = Object.values(patch).some((v) => v !== undefined);
      const s = changed ? await call('backups.configure', Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))) : await call('backups.settings', {});
      console.log(`Sao lưu tự động mỗi ${s.intervalHours} giờ (0 = tắt); giữ ${s.keepLast} bản gần nhất, ${s.keepDaily} ngày, ${s.keepWeekly} tuần.\nThư mục: ${s.dir}\nLần gần nhất: ${s.lastBackupAt ?? 'chưa có'}`);
      return 0;
    }
    default:
      throw new ApiError('cli.unknownSubcommand', { command: 'backup', sub });
  }
}

/** Runs one safety command; `userPath` resolves paths the user typed; `passphrase` is the one the catalogue was opened with. */
export async function safetyCommand(call: Call, args: ParsedArgs, userPath: (p: string) => string, passphrase: string | null): Promise<number> {
  const command = args.positional[0];
  if (command === 'audit') {
    if (args.positional[1] !== 'verify') throw new ApiError('cli.usage', { usage: 'audit verify' });
    return auditVerify(call, args);
  }
  if (command === 'check') return check(call, args);
  if (command === 'backup') return backup(call, args);
  return recordsCommand(call, args, userPath, passphrase);
}
