import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHost, startBrowserHost } from '../../electron/host/webServer';
import { createDispatch } from '../../electron/services/dispatch';
import { errorText } from '../../shared/contract/errors';
import { type TestApp, openTestApp, tempDir } from '../support/services';

/** A raw HTTP request, so Host and Origin headers can be set freely (fetch forbids that). */
function request(port: number, opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path ?? '/', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

let app: TestApp;
let host: BrowserHost;
let rendererDir: string;

beforeAll(async () => {
  app = openTestApp();
  rendererDir = tempDir('kholuu-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kho Lưu</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(app.dir, 'secret.txt'), 'bí mật');
  host = await startBrowserHost({ dispatch: createDispatch(app.services.handlers, { error: () => {} }), rendererDir, port: 0 });
});

afterAll(async () => {
  await host.close();
  await app.close();
});

const json = (token: string, extra: Record<string, string> = {}) => ({
  'Content-Type': 'application/json',
  Authorization: `Bearer ${token}`,
  Host: `127.0.0.1:${host.port}`,
  ...extra,
});

describe('the browser host', () => {
  it('listens on the loopback address only', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses requests without the token, or with a wrong one', async () => {
    expect((await request(host.port, { path: '/' })).status).toBe(401);
    expect((await request(host.port, { path: '/?token=wrong' })).status).toBe(401);
    const api = await request(host.port, { method: 'POST', path: '/api/app.counts', headers: json('wrong'), body: '{}' });
    expect(api.status).toBe(401);
    const cookie = await request(host.port, { path: '/', headers: { Cookie: `kholuu_session_${host.port}=nope` } });
    expect(cookie.status).toBe(401);
    // The right token under another port's cookie name is not this host's session.
    const otherPort = await request(host.port, { path: '/', headers: { Cookie: `kholuu_session_${host.port + 1}=${host.token}` } });
    expect(otherPort.status).toBe(401);
  });

  it('turns the open URL into an HttpOnly, SameSite=Strict session cookie', async () => {
    const open = await request(host.port, { path: `/?token=${host.token}` });
    expect(open.status).toBe(302);
    expect(open.headers.location).toBe('/');
    const setCookie = open.headers['set-cookie']![0]!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    // Named after the port: a second host on 127.0.0.1 does not overwrite this session.
    expect(setCookie.startsWith(`kholuu_session_${host.port}=`)).toBe(true);
    const page = await request(host.port, { path: '/', headers: { Cookie: setCookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Kho Lưu');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the contract over HTTP, with errors as clear replies', async () => {
    const ok = await request(host.port, { method: 'POST', path: '/api/app.counts', headers: json(host.token), body: '{}' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, result: { documents: 0 } });

    const invalid = await request(host.port, { method: 'POST', path: '/api/files.get', headers: json(host.token), body: '{"id":"x"}' });
    expect(invalid.status).toBe(400);
    expect(errorText('vi', JSON.parse(invalid.body).error)).toMatch(/Dữ liệu không hợp lệ/);

    const unknown = await request(host.port, { method: 'POST', path: '/api/catalogue.drop', headers: json(host.token), body: '{}' });
    expect(unknown.status).toBe(404);

    const malformed = await request(host.port, { method: 'POST', path: '/api/app.counts', headers: json(host.token), body: '{nope' });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error.kind).toBe('invalid_input');

    const get = await request(host.port, { method: 'GET', path: '/api/app.counts', headers: json(host.token) });
    expect(get.status).toBe(405);
  });

  it('refuses other origins and other Host names (DNS rebinding)', async () => {
    const cross = await request(host.port, { method: 'POST', path: '/api/app.counts', headers: json(host.token, { Origin: 'http://evil.example' }), body: '{}' });
    expect(cross.status).toBe(403);
    const same = await request(host.port, { method: 'POST', path: '/api/app.counts', headers: json(host.token, { Origin: `http://127.0.0.1:${host.port}` }), body: '{}' });
    expect(same.status).toBe(200);
    const rebound = await request(host.port, { method: 'POST', path: '/api/app.counts', headers: json(host.token, { Host: `evil.example:${host.port}` }), body: '{}' });
    expect(rebound.status).toBe(403);
    const preflight = await request(host.port, { method: 'OPTIONS', path: '/api/app.counts', headers: json(host.token, { Origin: 'http://evil.example' }) });
    expect(preflight.status).toBe(403);
  });

  it('serves only files inside the renderer folder', async () => {
    const asset = await request(host.port, { path: '/assets/app.js', headers: json(host.token) });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    for (const p of ['/../secret.txt', '/%2e%2e/%2e%2e/secret.txt', '/assets/../../secret.txt', '/..%2fsecret.txt']) {
      const res = await request(host.port, { path: p, headers: json(host.token) });
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toContain('bí mật');
    }
  });
});
