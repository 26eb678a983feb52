import type { Fonds } from '../../shared/contract/types';
import { ApiError } from '../../shared/contract/errors';
import type { ParsedArgs } from './args';
import { stringOption } from './args';
import type { Call } from './main';

/** Where documents go when the command line is not told a fonds and the catalogue has none yet. */
export const INTAKE_FONDS = { code: 'NHAP', name: 'Tài liệu mới nhập (chưa xác định phông)', organization: 'Chưa xác định đơn vị hình thành phông' };

/**
 * The fonds to import into: `--fonds CODE`; else the catalogue's only fonds; else, in an empty
 * catalogue, an intake fonds whose organization is marked unknown (never a guessed one).
 */
async function targetFonds(call: Call, code: string | undefined): Promise<Fonds> {
  const all = await call('fonds.list', {});
  if (code) {
    const found = all.find((f) => f.code === code);
    if (!found) throw new ApiError('not_found', `Không có phông mã “${code}”.`, `No fonds ${code}`);
    return found;
  }
  if (all.length === 1) return all[0]!;
  const intake = all.find((f) => f.code === INTAKE_FONDS.code);
  if (intake) return intake;
  if (all.length > 1) {
    throw new ApiError('invalid_input', `Danh mục có ${all.length} phông: hãy chọn một bằng --fonds MÃ (${all.map((f) => f.code).join(', ')}).`, 'Several fonds: pass --fonds');
  }
  const org = await call('organizations.create', { name: INTAKE_FONDS.organization, level: 'other' });
  return call('fonds.create', { code: INTAKE_FONDS.code, name: INTAKE_FONDS.name, organizationId: org.id, status: 'open' });
}

export async function importCommand(call: Call, args: ParsedArgs, userPath: (p: string) => string): Promise<number> {
  const paths = args.positional.slice(1).map(userPath);
  if (paths.length === 0) throw new ApiError('invalid_input', 'Hãy chỉ ra tệp hoặc thư mục cần nhập.', 'No paths given');
  const fonds = await targetFonds(call, stringOption(args, 'fonds'));
  let fileId: number | null = null;
  const fileCode = stringOption(args, 'file');
  if (fileCode) {
    const file = (await call('files.list', { fondsId: fonds.id })).find((f) => f.code === fileCode);
    if (!file) throw new ApiError('not_found', `Phông ${fonds.code} không có hồ sơ số “${fileCode}”.`, `No file ${fileCode}`);
    fileId = file.id;
  }
  const { jobId } = await call('import.start', { target: { fondsId: fonds.id, fileId }, paths });
  const stop = () => void call('jobs.cancel', { jobId });
  process.once('SIGINT', stop);
  let status = await call('jobs.get', { jobId });
  while (status.state === 'running') {
    if (process.stderr.isTTY) process.stderr.write(`\r${status.processed}/${status.total} — nhập ${status.imported}, trùng ${status.duplicates}, lỗi ${status.failed}`);
    await new Promise((r) => setTimeout(r, 100));
    status = await call('jobs.get', { jobId });
  }
  process.removeListener('SIGINT', stop);
  if (process.stderr.isTTY) process.stderr.write('\n');
  for (const r of status.results) {
    if (r.outcome === 'failed') console.error(`LỖI  ${r.name}: ${r.message}`);
    else if (r.outcome === 'duplicate') console.error(`TRÙNG ${r.name}: ${r.message}`);
  }
  const verdict = status.state === 'cancelled' ? 'Đã hủy' : 'Xong';
  console.error(`${verdict}: ${status.imported} văn bản mới, ${status.duplicates} trùng lặp, ${status.failed} lỗi (phông ${fonds.code}).`);
  if (status.state === 'cancelled') return 130;
  return args.options.has('strict') && status.failed > 0 ? 3 : 0;
}
