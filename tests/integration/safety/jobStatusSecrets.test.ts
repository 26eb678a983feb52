/**
 * A locked viewer's progress poll: the import's recent results are checked for secret documents
 * with one lookup, however many there are (the app polls every quarter second while a bulk import
 * runs, and a job keeps up to 500 results), and a secret document's file is still withheld.
 */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDispatch } from '../../../electron/services/dispatch';
import { type Services, createServices } from '../../../electron/services/createServices';
import type { InputOf, OperationName, OutputOf } from '../../../shared/contract/api';
import { ApiError } from '../../../shared/contract/errors';
import { partyDocument } from '../../support/partyDocs';
import { tempDir } from '../../support/services';

let services: Services | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await services?.close();
  services = null;
});

function open() {
  services = createServices({ cataloguePath: path.join(tempDir(), 'c.sqlite'), host: 'web', version: 't', actor: 'tester', secretsVisibleByDefault: false });
  const dispatch = createDispatch(services.handlers, { error: () => {} });
  return async <N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> => {
    const reply = await dispatch(name, input);
    if (!reply.ok) throw ApiError.fromBody(reply.error);
    return reply.result as OutputOf<N>;
  };
}

const upload = (name: string, text: string) => ({ name, contentBase64: Buffer.from(text).toString('base64') });

describe('a job status polled by a locked viewer', () => {
  it('looks its results up in one statement and withholds the secret one', async () => {
    const call = open();
    const org = await call('organizations.create', { name: 'Tỉnh ủy', level: 'province' });
    const fonds = await call('fonds.create', { code: 'TU', name: 'Phông Tỉnh ủy', organizationId: org.id });
    const secret = partyDocument({ number: '1-BC/TU', type: 'BÁO CÁO', body: ['Nội dung mật.'] }).replace('ĐẢNG CỘNG SẢN VIỆT NAM', 'ĐẢNG CỘNG SẢN VIỆT NAM\nMẬT');
    const uploads = [upload('mat.txt', secret)];
    for (let i = 2; i <= 30; i++) uploads.push(upload(`bc-${i}.txt`, partyDocument({ number: `${i}-BC/TU`, type: 'BÁO CÁO', body: [`Báo cáo số ${i} về công tác.`] })));
    const { jobId } = await call('import.start', { target: { fondsId: fonds.id }, uploads });
    let status = await call('jobs.get', { jobId });
    while (status.state === 'running') {
      await new Promise((r) => setTimeout(r, 10));
      status = await call('jobs.get', { jobId });
    }
    expect(status.state).toBe('done');
    expect(status.results).toHaveLength(30);

    // Every statement run while the finished job is polled once more.
    const statement = Object.getPrototypeOf(services!.context.catalogue.db.prepare('SELECT 1')) as Record<'get' | 'all' | 'iterate' | 'run', (...args: unknown[]) => unknown>;
    const runs = (['get', 'all', 'iterate', 'run'] as const).map((m) => vi.spyOn(statement, m));
    const polled = await call('jobs.get', { jobId });
    const statementsRun = runs.reduce((n, spy) => n + spy.mock.calls.length, 0);
    expect(statementsRun).toBeLessThanOrEqual(1);

    const secretLine = polled.results.find((r) => r.name !== 'mat.txt' && r.documentId === null);
    expect(secretLine?.outcome).toBe('imported');
    expect(polled.results.filter((r) => r.documentId === null)).toHaveLength(1);
    expect(polled.results.some((r) => r.name === 'mat.txt')).toBe(false);
    expect(polled.results.filter((r) => r.documentId !== null)).toHaveLength(29);
  });
});
