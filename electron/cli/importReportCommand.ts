import fs from 'node:fs';
import { ApiError } from '../../shared/contract/errors';
import type { ImportOutcome } from '../../shared/contract/types';
import type { ImportRun } from '../../shared/contract/types/importing';
import { OUTCOME_LABELS } from '../../shared/importing/report';
import type { ParsedArgs } from './args';
import { stringOption } from './args';
import type { Call } from './main';
import { shown } from './terminal';

const STATE_LABELS: Record<ImportRun['state'], string> = {
  running: 'đang chạy',
  done: 'hoàn tất',
  cancelled: 'đã hủy',
  failed: 'thất bại',
  interrupted: 'bị gián đoạn',
};

function runLine(r: ImportRun): string {
  const total = r.total === null ? '?' : String(r.total);
  return `#${r.id}  ${r.startedAt.slice(0, 19).replace('T', ' ')}  ${STATE_LABELS[r.state]}  ${r.processed}/${total} — nhập ${r.imported}, trùng ${r.duplicates}, lỗi ${r.failed}  phông ${r.fondsCode}  (${r.actor})`;
}

function outcomeOf(args: ParsedArgs): ImportOutcome | undefined {
  const v = stringOption(args, 'outcome');
  if (v === undefined) return undefined;
  if (v === 'imported' || v === 'duplicate' || v === 'failed') return v;
  throw new ApiError('cli.optionNotAllowed', { option: 'outcome', allowed: ['imported', 'duplicate', 'failed'], value: v });
}

/**
 * `import-report` lists recent runs; `import-report <run>` prints one run's summary and its failed
 * and duplicate files; `--format csv|json` prints (or `--out FILE` writes) the whole report.
 */
export async function importReportCommand(call: Call, args: ParsedArgs, userPath: (p: string) => string): Promise<number> {
  const arg = args.positional[1];
  if (arg === undefined) {
    const page = await call('importRuns.list', { limit: 20 });
    if (page.total === 0) console.log('Chưa có lần nhập nào.');
    for (const r of page.items) console.log(runLine(r));
    return 0;
  }
  const runId = Number(arg);
  if (!Number.isInteger(runId) || runId <= 0) throw new ApiError('cli.badRunNumber', { value: arg });
  const format = stringOption(args, 'format');
  const outcome = outcomeOf(args);
  if (format !== undefined) {
    if (format !== 'csv' && format !== 'json') throw new ApiError('cli.optionNotAllowed', { option: 'format', allowed: ['csv', 'json'], value: format });
    const file = await call('importRuns.export', { runId, format, outcome });
    const out = stringOption(args, 'out');
    if (out) {
      fs.writeFileSync(userPath(out), file.content);
      console.error(`Đã ghi ${userPath(out)}`);
    } else process.stdout.write(file.content);
    return 0;
  }
  const run = await call('importRuns.get', { runId });
  console.log(runLine(run));
  console.log(`Nguồn: ${run.sources.map(shown).join(', ')}`);
  if (run.error) console.log(run.error);
  for (const o of outcome ? [outcome] : (['failed', 'duplicate'] as const)) {
    for (let offset = 0; ; ) {
      const page = await call('importRuns.items', { runId, outcome: o, offset, limit: 1_000 });
      for (const item of page.items) console.log(`${OUTCOME_LABELS[item.outcome]}\t${shown(item.name)}\t${item.message ?? ''}`);
      offset += page.items.length;
      if (page.items.length === 0 || offset >= page.total) break;
    }
  }
  return 0;
}
