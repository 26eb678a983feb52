import type { Fonds } from '../../shared/contract/types';
import { ApiError } from '../../shared/contract/errors';
import type { ParsedArgs } from './args';
import { stringOption } from './args';
import type { Call } from './main';
import { progress, shown } from './terminal';

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
    if (!found) throw new ApiError('cli.fondsCodeUnknown', { code });
    return found;
  }
  if (all.length === 1) return all[0]!;
  const intake = all.find((f) => f.code === INTAKE_FONDS.code);
  if (intake) return intake;
  if (all.length > 1) {
    throw new ApiError('cli.chooseFonds', { count: all.length, codes: all.map((f) => f.code) });
  }
  const org = await call('organizations.create', { name: INTAKE_FONDS.organization, level: 'other' });
  return call('fonds.create', { code: INTAKE_FONDS.code, name: INTAKE_FONDS.name, organizationId: org.id, status: 'open' });
}

/** The target fonds and file of a new import, from `--fonds` and `--file`. */
async function targetOf(call: Call, args: ParsedArgs): Promise<{ fonds: Fonds; fileId: number | null }> {
  const fonds = await targetFonds(call, stringOption(args, 'fonds'));
  const fileCode = stringOption(args, 'file');
  if (!fileCode) return { fonds, fileId: null };
  const file = (await call('files.list', { fondsId: fonds.id })).find((f) => f.code === fileCode);
  if (!file) throw new ApiError('cli.fileCodeUnknown', { fonds: fonds.code, file: fileCode });
  return { fonds, fileId: file.id };
}

/** Lists a run's failed and duplicate files from its report, a page at a time (runs can be huge). */
async function printProblems(call: Call, runId: number): Promise<void> {
  for (const outcome of ['failed', 'duplicate'] as const) {
    const label = outcome === 'failed' ? 'LỖI ' : 'TRÙNG';
    for (let offset = 0; ; ) {
      const page = await call('importRuns.items', { runId, outcome, offset, limit: 1_000 });
      for (const r of page.items) console.error(`${label} ${shown(r.name)}: ${r.message ?? ''}`);
      offset += page.items.length;
      if (page.items.length === 0 || offset >= page.total) break;
    }
  }
}

/**
 * `import <paths…>` starts a run; `import --resume <run>` continues an interrupted or cancelled one.
 * Prints the run number first (for `import-report` and `--resume`), progress on a terminal, then
 * each failed or duplicate file and a summary. Ctrl+C (or SIGTERM) cancels at the next file, keeping
 * what was committed.
 */
export async function importCommand(call: Call, args: ParsedArgs, userPath: (p: string) => string): Promise<number> {
  const resume = stringOption(args, 'resume');
  let jobId: string;
  if (resume !== undefined) {
    const runId = Number(resume);
    if (!Number.isInteger(runId) || runId <= 0) throw new ApiError('cli.badRunNumber', { value: resume });
    ({ jobId } = await call('import.resume', { runId }));
  } else {
    const paths = args.positional.slice(1).map(userPath);
    if (paths.length === 0) throw new ApiError('cli.noImportPaths');
    const { fonds, fileId } = await targetOf(call, args);
    ({ jobId } = await call('import.start', { target: { fondsId: fonds.id, fileId }, paths }));
  }
  let status = await call('jobs.get', { jobId });
  const runId = status.runId!;
  const run = await call('importRuns.get', { runId });
  console.error(`Lần nhập số ${runId}${resume !== undefined ? ' (nhập tiếp)' : ''} → phông ${run.fondsCode}`);
  const stop = () => void call('jobs.cancel', { jobId });
  // `on`, not `once`: Ctrl+C reaches this process from the terminal and again from tsx, which
  // relays it when the program did not answer within 30 ms (busy with a batch); a second signal
  // with no listener would kill the import outright instead of letting it stop cleanly.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  while (status.state === 'running') {
    if (process.stderr.isTTY) {
      const of = status.counting ? `${status.total}…` : String(status.total);
      progress(`${status.processed}/${of} — nhập ${status.imported}, trùng ${status.duplicates}, lỗi ${status.failed}   `);
    }
    await new Promise((r) => setTimeout(r, 200));
    status = await call('jobs.get', { jobId });
  }
  process.removeListener('SIGINT', stop);
  process.removeListener('SIGTERM', stop);
  if (process.stderr.isTTY) process.stderr.write('\n');
  await printProblems(call, runId);
  if (status.error) console.error(status.error);
  const verdict = status.state === 'cancelled' ? 'Đã hủy' : status.state === 'failed' ? 'Thất bại' : 'Xong';
  console.error(
    `${verdict}: ${status.imported} văn bản mới, ${status.duplicates} trùng lặp, ${status.failed} lỗi (phông ${run.fondsCode}, lần nhập số ${runId}).`,
  );
  if (status.state === 'cancelled') {
    console.error(`Nhập tiếp: npm run cli -- import --resume ${runId}`);
    return 130;
  }
  if (status.state === 'failed') return 1;
  return args.options.has('strict') && status.failed > 0 ? 3 : 0;
}
