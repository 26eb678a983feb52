/** Secret and removed documents stay out of the review queue and the citation lists (the safety rules). */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/services/dispatch';
import { type Services, createServices } from '../../electron/services/createServices';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import { SAMPLES_DIR } from '../support/paths';
import { partyDocument } from '../support/partyDocs';
import { tempDir } from '../support/services';

let services: Services | null = null;
afterEach(async () => {
  await services?.close();
  services = null;
});

/** Services as the browser host opens them: secrets hidden until unlocked. */
function open() {
  services = createServices({ cataloguePath: path.join(tempDir(), 'c.sqlite'), host: 'web', version: 't', samplesDir: SAMPLES_DIR, actor: 'tester', secretsVisibleByDefault: false });
  const dispatch = createDispatch(services.handlers, { error: () => {} });
  return async <N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> => {
    const reply = await dispatch(name, input);
    if (!reply.ok) throw ApiError.fromBody(reply.error);
    return reply.result as OutputOf<N>;
  };
}

const upload = (name: string, text: string) => ({ name, contentBase64: Buffer.from(text).toString('base64') });

describe('visibility in the import area', () => {
  it('leaves secret and removed documents out of the review queue and the missing-citation counts', async () => {
    const call = open();
    const org = await call('organizations.create', { name: 'Tỉnh ủy', level: 'province' });
    const fonds = await call('fonds.create', { code: 'TU', name: 'Phông Tỉnh ủy', organizationId: org.id });
    // Three undated documents (so each waits for review), all citing 99-CT/TW; the first is secret.
    const secret = partyDocument({ number: '77-BC/TU', type: 'BÁO CÁO', body: ['Thực hiện Chỉ thị số 99-CT/TW của Bộ Chính trị.'] }).replace(
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'ĐẢNG CỘNG SẢN VIỆT NAM\nMẬT',
    );
    const open1 = partyDocument({ number: '78-BC/TU', type: 'BÁO CÁO', body: ['Thực hiện Chỉ thị số 99-CT/TW của Bộ Chính trị.'] });
    const open2 = partyDocument({ number: '79-BC/TU', type: 'BÁO CÁO', body: ['Thực hiện Chỉ thị số 99-CT/TW của Bộ Chính trị.'] });
    const { jobId } = await call('import.start', { target: { fondsId: fonds.id }, uploads: [upload('mat.txt', secret), upload('a.txt', open1), upload('b.txt', open2)] });
    let status = await call('jobs.get', { jobId });
    while (status.state === 'running') {
      await new Promise((r) => setTimeout(r, 10));
      status = await call('jobs.get', { jobId });
    }
    // A locked viewer is not told which document a secret file became: read the ids unlocked.
    await call('access.unlockSecrets', { reason: 'Đọc mã văn bản vừa nhập' });
    const [secretId, openId, removedId] = (await call('jobs.get', { jobId })).results.map((r) => r.documentId!);
    expect(status.results.map((r) => r.documentId)).toEqual([null, openId, removedId]);
    await call('access.lockSecrets', {});

    const queue = await call('review.list', {});
    expect(queue.items.map((i) => i.document.id).sort()).toEqual([openId, removedId].sort());
    expect((await call('citations.missing', {})).items[0]).toMatchObject({ numberSymbol: '99-CT/TW', citingDocuments: 2 });
    const hidden = await call('documents.citations', { id: secretId! }).catch((e: ApiError) => e);
    expect(hidden).toBeInstanceOf(ApiError);
    expect((hidden as ApiError).kind).toBe('hidden');
    await expect(call('review.confirm', { documentId: secretId!, fields: ['issueDate'] })).rejects.toMatchObject({ kind: 'hidden' });

    await call('documents.remove', { id: removedId!, reason: 'Bản trùng, nhập nhầm' });
    expect((await call('review.list', {})).items.map((i) => i.document.id)).toEqual([openId]);
    expect((await call('review.summary', {})).documents).toBe(1);
    expect((await call('citations.missing', {})).items[0]).toMatchObject({ numberSymbol: '99-CT/TW', citingDocuments: 1 });
  });
});
