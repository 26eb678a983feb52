/**
 * `inventory` and `handover package|verify|receive` on the command line, through the same
 * contract as the UI. Long jobs show progress on a terminal and stop cleanly on Ctrl+C.
 *
 * Exit codes: 0 done (for `verify`: the bag is valid); 2 the package is invalid or was refused;
 * 130 cancelled; 1 any other error.
 */
import { ApiError } from '../../shared/contract/errors';
import type { ExportFormat, HandoverJobResult, VerificationReport } from '../../shared/contract/types/handover';
import { type ParsedArgs, stringOption } from './args';
import type { Call } from './main';
import { follow } from './followJob';

export const HANDOVER_USAGE = `Kiểm kê và bàn giao (inventory and handover):
  inventory --fonds MÃ --format xlsx|docx|csv|json --out TỆP      mục lục hồ sơ, mục lục văn bản, thống kê
  handover package <số đợt hoặc mã> --out <thư mục hoặc .zip>      đóng gói BagIt một đợt bàn giao
  handover verify <thư mục hoặc .zip> [--digest MÃ] [--json]        kiểm tra gói (thoát 0 chỉ khi gói hợp lệ)
  handover receive <thư mục hoặc .zip> [--digest MÃ] [--json]       kiểm tra rồi tiếp nhận gói vào danh mục
    --digest: mã kiểm tra SHA-256 ghi trên Biên bản giao nhận (gói phải đúng mã đó)`;

const FORMATS: readonly ExportFormat[] = ['xlsx', 'docx', 'csv', 'json'];

function printReport(report: VerificationReport): void {
  const verdict = report.valid ? 'HỢP LỆ' : 'KHÔNG HỢP LỆ';
  console.log(`Gói ${report.source} (${report.sourceKind === 'zip' ? 'zip' : 'thư mục'}): ${verdict}`);
  console.log(`  ${report.payloadFiles} tệp dữ liệu, ${report.payloadBytes} byte${report.digest ? `; mã kiểm tra ${report.digest}` : ''}`);
  if (report.expectedDigest?.matches) {
    console.log(`  Đúng mã kiểm tra ${report.expectedDigest.source === 'given' ? 'ghi trên Biên bản giao nhận' : 'danh mục này ghi lại khi đóng gói'}`);
  }
  if (report.contents) {
    console.log(`  Phông ${report.contents.fondsCodes.join(', ')}: ${report.contents.files} hồ sơ, ${report.contents.documents} văn bản, ${report.contents.attachments} bản gốc`);
  }
  const c = report.counts;
  if (!report.valid) console.log(`  Thiếu ${c.missing}, thay đổi ${c.changed}, thừa ${c.extra}, đường dẫn không an toàn ${c.unsafe}, lỗi khác ${c.other}`);
  for (const p of report.problems) console.log(`  [${p.kind}] ${p.message}`);
  if (report.problemCount > report.problems.length) console.log(`  … và ${report.problemCount - report.problems.length} lỗi khác`);
  if (report.alreadyHeld.length > 0) console.log(`  ${report.alreadyHeld.length} bản gốc đã có trong danh mục này (sẽ không lưu hai lần)`);
  if (report.alreadyReceivedBatchId !== null) console.log(`  Đợt bàn giao này đã có trong danh mục (mã đợt ${report.alreadyReceivedBatchId})`);
}

async function resolveBatch(call: Call, ref: string | undefined): Promise<number> {
  if (!ref) throw new ApiError('cli.batchMissing');
  const batches = await call('handover.batches.list', {});
  const found = batches.find((b) => b.direction === 'outgoing' && b.code === ref) ?? (/^\d+$/.test(ref) ? batches.find((b) => b.id === Number(ref)) : undefined);
  if (!found) throw new ApiError('cli.batchUnknown', { ref, codes: batches.map((b) => b.code) });
  return found.id;
}

export async function inventoryCommand(call: Call, args: ParsedArgs, userPath: (p: string) => string): Promise<number> {
  const code = stringOption(args, 'fonds');
  const format = stringOption(args, 'format') ?? 'xlsx';
  const out = stringOption(args, 'out');
  if (!code || !out || !FORMATS.includes(format as ExportFormat)) {
    console.error(HANDOVER_USAGE);
    return 1;
  }
  const fonds = (await call('fonds.list', {})).find((f) => f.code === code);
  if (!fonds) throw new ApiError('cli.fondsCodeUnknown', { code });
  const result = await call('handover.export', { fondsId: fonds.id, form: 'inventory', format: format as ExportFormat, out: userPath(out) });
  const inv = await call('handover.inventory', { fondsId: fonds.id });
  console.log(result.path);
  const t = inv.totals;
  console.error(
    `Phông ${fonds.code}: ${t.files} hồ sơ (vĩnh viễn ${inv.byRetentionClass.permanent.files}, có thời hạn ${inv.byRetentionClass.fixed.files}, chưa xác định ${inv.byRetentionClass.none.files}), ${t.documents} văn bản, ${t.boxes} hộp.`,
  );
  if (inv.problemCount > 0) console.error(`${inv.problemCount} hồ sơ thiếu thông tin bắt buộc (thời hạn bảo quản, tiêu đề, thời gian): ${inv.problems.slice(0, 10).map((p) => p.code).join(', ')}`);
  return 0;
}

async function packageCommand(call: Call, args: ParsedArgs, userPath: (p: string) => string): Promise<number> {
  const batchId = await resolveBatch(call, args.positional[2]);
  const out = stringOption(args, 'out');
  const { jobId } = await call('handover.package.start', { batchId, ...(out ? { out: userPath(out) } : {}) });
  const status = await follow(call, jobId);
  if (status.state === 'cancelled') {
    console.error('Đã hủy đóng gói; không để lại gói dở dang.');
    return 130;
  }
  if (status.state !== 'done') throw new ApiError('cli.packagingFailed', { detail: status.error });
  const { result } = await call('handover.jobResult', { jobId });
  if (result?.kind !== 'package') throw new ApiError('cli.noPackageResult');
  console.log(result.package.path);
  console.error(`Đã đóng gói ${result.package.files} tệp (${result.package.bytes} byte). Payload-Oxum ${result.package.payloadOxum}; mã kiểm tra SHA-256 ${result.package.digest}`);
  return 0;
}

async function verifyOrReceive(call: Call, args: ParsedArgs, userPath: (p: string) => string, receive: boolean): Promise<number> {
  const location = args.positional[2];
  if (!location) {
    console.error(HANDOVER_USAGE);
    return 1;
  }
  // The digest printed on the Biên bản, when the user has it: the package must be that one.
  const digest = stringOption(args, 'digest');
  const input = { path: userPath(location), ...(digest ? { expectedDigest: digest } : {}) };
  const { jobId } = receive ? await call('handover.receive.start', input) : await call('handover.verify.start', input);
  const status = await follow(call, jobId);
  if (status.state === 'cancelled') return 130;
  const { result } = await call('handover.jobResult', { jobId });
  const report = (result as Extract<HandoverJobResult, { kind: 'verify' | 'receive' }> | null)?.report;
  if (!report) throw new ApiError('cli.packageNotChecked', { detail: status.error });
  const received = result?.kind === 'receive' ? result.result : null;
  if (args.options.has('json')) console.log(JSON.stringify({ valid: report.valid, received, refusal: status.state === 'failed' ? status.error : null, report }, null, 2));
  else {
    printReport(report);
    if (received) {
      console.log(`Đã tiếp nhận phông ${received.fondsCodes.join(', ')}: ${received.files} hồ sơ, ${received.documents} văn bản, ${received.attachments} bản gốc mới${received.duplicates.length ? `, ${received.duplicates.length} bản gốc đã có` : ''}.`);
      if (received.receiptPath) console.log(`Biên nhận gửi bên giao: ${received.receiptPath}`);
    }
  }
  if (status.state === 'failed') {
    console.error(`Không tiếp nhận: ${status.error}`);
    return 2;
  }
  return report.valid ? 0 : 2;
}

export async function handoverCommand(call: Call, args: ParsedArgs, userPath: (p: string) => string): Promise<number> {
  switch (args.positional[1]) {
    case 'package':
      return packageCommand(call, args, userPath);
    case 'verify':
      return verifyOrReceive(call, args, userPath, false);
    case 'receive':
      return verifyOrReceive(call, args, userPath, true);
    default:
      console.error(HANDOVER_USAGE);
      return 1;
  }
}
