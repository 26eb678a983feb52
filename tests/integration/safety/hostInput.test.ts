/**
 * What the browser host does with malformed requests from a caller that has the token: each gets
 * a 4xx answer naming the fault, no job starts, and the host keeps answering.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHost, startBrowserHost } from '../../../electron/host/webServer';
import { createDispatch } from '../../../electron/services/dispatch';
import { errorText } from '../../../shared/contract/errors';
import { makeFondsWithFile, type TestApp, openTestApp, tempDir } from '../../support/services';

interface Reply {
  status: number;
  body: string;
}

/** Sends `body` (or `size` bytes of JSON-looking filler, streamed in 1 MB chunks). */
function request(port: number, token: string, opts: { path: string; body?: string; size?: number }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    if (opts.size !== undefined) headers['Content-Length'] = opts.size;
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: opts.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (opts.size === undefined) {
      req.end(opts.body);
      return;
    }
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < opts.size!) {
        const n = Math.min(chunk.length, opts.size! - sent);
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

let app: TestApp;
let host: BrowserHost;
const call = (op: string, body: string) => request(host.port, host.token, { path: `/api/${op}`, body });

beforeAll(async () => {
  app = openTestApp();
  const rendererDir = tempDir('kholuu-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kho Lưu</title>');
  host = await startBrowserHost({ dispatch: createDispatch(app.services.handlers, { error: () => {} }), rendererDir, port: 0 });
});

afterAll(async () => {
  await host.close();
  await app.close();
});

describe('malformed requests to the browser host', () => {
  it('answers 400 to malformed percent-encoding, in the API and for files', async () => {
    const api = await request(host.port, host.token, { path: '/api/%E0%A4%A', body: '{}' });
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    const page = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: host.port, path: '/%E0%A4%A', headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(page).toBe(400);
  });

  it('refuses a body of null (or any non-object) instead of taking it as {}', async () => {
    for (const body of ['null', '[]', '3', '"x"']) {
      const r = await call('app.counts', body);
      expect(r.status, body).toBe(400);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    }
    // An empty body is still "no input".
    expect((await call('app.counts', '')).status).toBe(200);
    // The contract itself refuses null the same way (Electron's IPC reaches it directly).
    expect(await app.raw('app.counts', null)).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
  });

  it('refuses a NUL byte (or any control character) in a path before a job starts', async () => {
    const { fonds } = await makeFondsWithFile(app);
    const cases: Array<[string, unknown]> = [
      ['import.start', { target: { fondsId: fonds.id }, paths: [`${app.dir}/a\u0000b`] }],
      ['handover.verify.start', { path: '/tmp/goi\u0000.zip' }],
      ['handover.receive.start', { path: '/tmp/goi\n.zip' }],
      ['handover.export', { fondsId: fonds.id, form: 'fileList', format: 'csv', out: '/tmp/x\u0000.csv' }],
      ['registers.preview', { source: { path: '/tmp/so\u0000.xlsx' } }],
      ['backups.configure', { dir: '/tmp/sao\u0000luu' }],
    ];
    for (const [op, input] of cases) {
      const r = await call(op, JSON.stringify(input));
      expect(r.status, `${op}: ${r.body}`).toBe(400);
      expect(errorText('vi', JSON.parse(r.body).error)).toContain('ký tự điều khiển');
    }
    expect(app.services.context.jobs.running()).toEqual([]);
    expect((await app.call('importRuns.list', {})).total).toBe(0);
  });

  it('answers 413 to a 170 MB body instead of resetting the connection, and keeps serving', async () => {
    const r = await request(host.port, host.token, { path: '/api/app.counts', size: 170 * 1024 * 1024 });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect((await call('app.counts', '{}')).status).toBe(200);
  }, 60_000);
});
