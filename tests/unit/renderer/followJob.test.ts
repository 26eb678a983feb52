import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../shared/contract/types';
import { followJob } from '../../../renderer/src/api/followJob';

function status(state: JobStatus['state'], processed: number): JobStatus {
  return { id: 'j1', kind: 'import', state, total: 3, processed, imported: processed, duplicates: 0, failed: 0, counting: false, error: null, results: [], startedAt: '2026-01-01T00:00:00Z', finishedAt: null, runId: null } as JobStatus;
}

/** A job that reads as `states` one after the other; `waits` records every pause between reads. */
function job(states: Array<JobStatus | Error>) {
  const waits: number[] = [];
  let reads = 0;
  return {
    waits,
    reads: () => reads,
    read: async (id: string) => {
      expect(id).toBe('j1');
      const next = states[Math.min(reads++, states.length - 1)]!;
      if (next instanceof Error) throw next;
      return next;
    },
    wait: async (ms: number) => {
      waits.push(ms);
    },
  };
}

describe('following a job in the host', () => {
  it('reports every status until the job ends, pausing between reads, and returns the last', async () => {
    const j = job([status('running', 0), status('running', 2), status('done', 3)]);
    const seen: number[] = [];
    const last = await followJob('j1', { read: j.read, wait: j.wait, intervalMs: 100, onStatus: (s) => seen.push(s.processed) });
    expect(last?.state).toBe('done');
    expect(seen).toEqual([0, 2, 3]);
    expect(j.waits).toEqual([100, 100]);
  });

  it('ends on a cancelled or failed job too', async () => {
    expect((await followJob('j1', { ...job([status('cancelled', 1)]) }))?.state).toBe('cancelled');
    expect((await followJob('j1', { ...job([status('running', 0), status('failed', 1)]) }))?.state).toBe('failed');
  });

  it('stops following (null) once nobody needs the job, without reading again', async () => {
    const j = job([status('running', 0)]);
    let stop = false;
    const last = await followJob('j1', {
      read: j.read,
      wait: async () => {
        stop = j.reads() >= 2;
      },
      stopped: () => stop,
    });
    expect(last).toBeNull();
    expect(j.reads()).toBe(2);
  });

  it('drops a status that arrives after following stopped', async () => {
    const seen: JobStatus[] = [];
    let stop = false;
    const last = await followJob('j1', {
      read: async () => {
        stop = true;
        return status('done', 3);
      },
      onStatus: (s) => seen.push(s),
      stopped: () => stop,
    });
    expect(last).toBeNull();
    expect(seen).toEqual([]);
  });

  it('reads again after a passing failure, and ends when the error handler says the job is gone', async () => {
    const errors: string[] = [];
    const j = job([new Error('busy'), status('running', 1), status('done', 3)]);
    const last = await followJob('j1', { read: j.read, wait: j.wait, onError: (e) => (errors.push(String(e)), false) });
    expect(last?.state).toBe('done');
    expect(errors).toEqual(['Error: busy']);

    const gone = job([new Error('not found')]);
    expect(await followJob('j1', { read: gone.read, wait: gone.wait, onError: () => true })).toBeNull();
    expect(gone.reads()).toBe(1);
  });

  it('ends at the first failed read when nobody handles errors, and lets a handler rethrow', async () => {
    expect(await followJob('j1', { ...job([new Error('x')]) })).toBeNull();
    const j = job([new Error('boom')]);
    await expect(
      followJob('j1', {
        read: j.read,
        onError: (e) => {
          throw e;
        },
      }),
    ).rejects.toThrow('boom');
  });
});
