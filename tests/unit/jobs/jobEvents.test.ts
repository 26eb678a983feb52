import diagnostics from 'node:diagnostics_channel';
import { afterEach, describe, expect, it } from 'vitest';
import { Job, type JobEvent } from '../../../electron/services/jobs';

describe('job events (the diagnostics channel measuring tools listen on)', () => {
  const seen: JobEvent[] = [];
  const listener = (e: unknown) => void seen.push(e as JobEvent);
  afterEach(() => {
    diagnostics.unsubscribe('kholuu.job', listener);
    seen.length = 0;
  });

  it('publishes each phase as it begins and the state the job ends in', () => {
    diagnostics.subscribe('kholuu.job', listener);
    const job = new Job('package', '2026-01-01T00:00:00Z');
    job.setPhase('preparing');
    job.setPhase('packingOriginals');
    job.setPhase(null);
    job.finish('done', '2026-01-01T00:00:01Z');
    expect(seen).toEqual([
      { kind: 'package', phase: 'preparing', state: 'running' },
      { kind: 'package', phase: 'packingOriginals', state: 'running' },
      { kind: 'package', phase: null, state: 'running' },
      { kind: 'package', phase: null, state: 'done' },
    ]);
  });

  it('a job that fails publishes its end as failed', () => {
    diagnostics.subscribe('kholuu.job', listener);
    const job = new Job('verify', '2026-01-01T00:00:00Z');
    job.endOn(new Error('boom'), '2026-01-01T00:00:01Z', () => undefined);
    expect(seen.at(-1)).toEqual({ kind: 'verify', phase: null, state: 'failed' });
  });
});
