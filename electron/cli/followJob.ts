/** Following a background job from the command line. */
import type { JobStatus } from '../../shared/contract/types';
import type { Call } from './main';
import { progress } from './terminal';

function mib(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/**
 * How often the job is looked at: a call within this process, cheap, so that the command ends
 * soon after its job (a fifth of a second between looks cost a tenth on average, each command).
 */
const POLL_MS = 25;
/** How often progress is drawn on a terminal. */
const DRAW_EVERY_MS = 200;

/** Polls a job to its end, drawing progress on a terminal; Ctrl+C asks the job to stop. */
export async function follow(call: Call, jobId: string): Promise<JobStatus> {
  const stop = () => void call('jobs.cancel', { jobId });
  // `on`, not `once`: tsx relays Ctrl+C a second time when the program is busy (see importCommand.ts).
  process.on('SIGINT', stop);
  let status = await call('jobs.get', { jobId });
  let drawn = 0;
  while (status.state === 'running') {
    if (process.stderr.isTTY && Date.now() - drawn >= DRAW_EVERY_MS) {
      drawn = Date.now();
      const bytes = status.bytesTotal ? ` — ${mib(status.bytesProcessed ?? 0)}/${mib(status.bytesTotal)} MB` : '';
      progress(`${status.phase ?? ''}: ${status.processed}/${status.total}${bytes}`, { clear: true });
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
    status = await call('jobs.get', { jobId });
  }
  process.removeListener('SIGINT', stop);
  if (process.stderr.isTTY) progress('', { clear: true });
  return status;
}

