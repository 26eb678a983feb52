/**
 * Secret records (Mật, Tối mật, Tuyệt mật) in the browser host: hidden until unlocked with a reason,
 * every unlock audited; an encrypted catalogue behind the host opens only with its passphrase; the
 * token and origin rules hold throughout.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHost, startBrowserHost } from '../../../electron/host/webServer';
import { errorText, type ApiErrorBody } from '../../../shared/contract/errors';
import { type CatalogueGate, openCatalogueGate } from '../../../electron/services/safety/catalogueGate';
import { SEED } from '../../support/paths';
import { tempDir } from '../../support/services';
import { SECRET_FIXTURES, archiveWithFiles, importInto, openSafetyApp } from '../../support/safety';

function request(port: number, opts: { method?: string; path: string; token?: string | null; origin?: string; body?: unknown }) {
  return new Promise<{ status: number; json: { ok: boolean; result?: any; error?: ApiErrorBody } | null }>((resolve, reject) => {
    const headers: Record<string, string> = { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json' };
    if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
    if (opts.origin) headers.Origin = opts.origin;
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'POST', path: opts.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try {
          json = JSON.parse(text);
        } catch {
          json = null;
        }
        resolve({ status: res.statusCode ?? 0, json });
      });
    });
    req.on('error', reject);
    req.end(opts.body === undefined ? undefined : JSON.stringify(opts.body));
  });
}

const rendererDir = tempDir('kholuu-renderer-');
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kho Lưu</title>');

describe('secret documents in the browser host', () => {
  let gate: CatalogueGate;
  let host: BrowserHost;
  let secretIds: number[];
  let openId: number;
  const clock = { now: '2025-06-01T08:00:00.000Z' };
  const api = (op: string, body: unknown = {}) => request(host.port, { path: `/api/${op}`, token: host.token, body });

  beforeAll(async () => {
    // Catalogued from the desktop side, then served by the browser host.
    const desk = openSafetyApp(tempDir('kholuu-secrets-'));
    const { fonds, fixed } = await archiveWithFiles(desk);
    secretIds = await importInto(desk, { fondsId: fonds.id, fileId: fixed.id }, SECRET_FIXTURES);
    [openId] = await importInto(desk, { fondsId: fonds.id, fileId: fixed.id }, [SEED.conclusion1485]);
    for (const id of secretIds) expect((await desk.call('documents.get', { id })).securityLevel).not.toBeNull();
    await desk.call('documents.update', { id: secretIds[0]!, patch: { notes: 'Lưu tại tủ mật' } });
    await desk.close();
    gate = openCatalogueGate({ cataloguePath: desk.cataloguePath, host: 'web', version: 'test', samplesDir: null, actor: 'Văn thư', now: () => clock.now }, { scheduleBackups: false, log: { error: () => {} } });
    host = await startBrowserHost({ dispatch: gate.dispatch, rendererDir, port: 0 });
  });

  afterAll(async () => {
    await host.close();
    await gate.close();
  });

  it('lists, counts and shows only open documents, saying how many are hidden', async () => {
    const list = (await api('documents.list', { fondsId: 1 })).json!.result;
    expect(list.items.map((d: { id: number }) => d.id)).toEqual([openId]);
    expect(list.hiddenSecret).toBe(2);
    const counts = (await api('app.counts')).json!.result;
    expect(counts).toMatchObject({ documents: 1, secretHidden: 2 });
    const get = await api('documents.get', { id: secretIds[0] });
    expect(get.status).toBe(403);
    expect(get.json!.error).toMatchObject({ kind: 'hidden' });
    expect(errorText('vi', get.json!.error!)).toMatch(/tài liệu mật/);
    expect((await api('audit.list', { documentId: secretIds[0] })).status).toBe(403);
    // The trail is not hidden, but what it says about secret documents is.
    const rows = (await api('audit.list', { entityType: 'document', limit: 50 })).json!.result as Array<{ entityId: number | null; redacted?: boolean; after: unknown }>;
    // Rows about secret documents stay, saying who did what when, not which document or what.
    expect(rows.some((r) => r.entityId !== null && secretIds.includes(r.entityId))).toBe(false);
    const aboutSecret = rows.filter((r) => r.redacted === true);
    expect(aboutSecret.length).toBeGreaterThanOrEqual(3);
    expect(aboutSecret.every((r) => r.entityId === null && r.after === null)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('Lưu tại tủ mật');
    expect((await api('documents.update', { id: secretIds[0], patch: { notes: 'x' } })).status).toBe(403);
    expect((await api('access.status')).json!.result).toMatchObject({ visible: false, exportable: false, grant: null, secretDocuments: 2 });
  });

  it('unlocking needs a reason, is audited, shows them for its duration, and locking hides them again', async () => {
    expect((await api('access.unlockSecrets', {})).status).toBe(400);
    const unlocked = await api('access.unlockSecrets', { reason: 'Rà soát hồ sơ mật trước khi bàn giao', durationMinutes: 30 });
    expect(unlocked.json!.result).toMatchObject({ visible: true, exportable: false, grant: { purpose: 'view', by: 'Văn thư', until: '2025-06-01T08:30:00.000Z' } });
    const row = (await api('audit.list', { limit: 1 })).json!.result[0];
    expect(row).toMatchObject({ action: 'secrets.unlock', actor: 'Văn thư', after: { grant: { reason: 'Rà soát hồ sơ mật trước khi bàn giao', purpose: 'view' }, host: 'web' } });

    expect((await api('documents.list', { fondsId: 1 })).json!.result.items).toHaveLength(3);
    expect((await api('documents.get', { id: secretIds[0] })).json!.result.notes).toBe('Lưu tại tủ mật');
    expect(gate.services()!.context.access.secretsVisible('export')).toBe(false);

    // The scope ends by itself.
    clock.now = '2025-06-01T08:31:00.000Z';
    expect((await api('documents.get', { id: secretIds[0] })).status).toBe(403);

    await api('access.unlockSecrets', { reason: 'Lập danh mục văn bản mật để bàn giao', purpose: 'export', durationMinutes: 10 });
    expect(gate.services()!.context.access.secretsVisible('export')).toBe(true);
    const locked = await api('access.lockSecrets');
    expect(locked.json!.result).toMatchObject({ visible: false, exportable: false, grant: null });
    expect((await api('audit.list', { limit: 1 })).json!.result[0]).toMatchObject({ action: 'secrets.lock' });
    expect((await api('documents.get', { id: secretIds[1] })).status).toBe(403);
  });

  it('refuses requests without the token, with a wrong one, or from another origin', async () => {
    expect((await request(host.port, { path: '/api/access.unlockSecrets', body: { reason: 'không có mã' } })).status).toBe(401);
    expect((await request(host.port, { path: '/api/access.unlockSecrets', token: 'sai', body: { reason: 'mã sai' } })).status).toBe(401);
    expect((await request(host.port, { path: '/api/access.unlockSecrets', token: host.token, origin: 'http://evil.example', body: { reason: 'nơi khác' } })).status).toBe(403);
    // A page opened from a file or a sandboxed frame says `Origin: null`: refused too.
    expect((await request(host.port, { path: '/api/access.unlockSecrets', token: host.token, origin: 'null', body: { reason: 'khung lạ' } })).status).toBe(403);
    expect((await api('access.status')).json!.result.grant).toBeNull();
  });

  it('in the desktop app secrets show by default, but never go into exports without an unlock', () => {
    const desk = openSafetyApp(undefined, { host: 'electron' });
    try {
      expect(desk.services.context.access.secretsVisible()).toBe(true);
      expect(desk.services.context.access.secretsVisible('export')).toBe(false);
    } finally {
      void desk.close();
    }
  });
});

describe('an encrypted catalogue behind the browser host', () => {
  it('answers `locked` until the right passphrase is given on the unlock screen, token and origin still required', async () => {
    const app = openSafetyApp(tempDir('kholuu-locked-'), { passphrase: 'mật khẩu của văn phòng' });
    const { fonds } = await archiveWithFiles(app);
    await importInto(app, { fondsId: fonds.id }, [SEED.conclusion1485]);
    await app.close();
    const gate = openCatalogueGate({ cataloguePath: app.cataloguePath, host: 'web', version: 'test', samplesDir: null }, { scheduleBackups: false, log: { error: () => {} } });
    const host = await startBrowserHost({ dispatch: gate.dispatch, rendererDir, port: 0 });
    const api = (op: string, body: unknown = {}, extra: { token?: string | null; origin?: string } = {}) =>
      request(host.port, { path: `/api/${op}`, token: extra.token === undefined ? host.token : extra.token, origin: extra.origin, body });
    try {
      expect(gate.services()).toBeNull();
      const counts = await api('app.counts');
      expect(counts.status).toBe(423);
      expect(counts.json!.error).toMatchObject({ kind: 'locked' });
      expect((await api('catalogue.lockState')).json!.result).toMatchObject({ locked: true });
      expect((await api('catalogue.unlock', { passphrase: 'mật khẩu của văn phòng' }, { token: null })).status).toBe(401);
      expect((await api('catalogue.unlock', { passphrase: 'mật khẩu của văn phòng' }, { origin: 'http://evil.example' })).status).toBe(403);
      const wrong = await api('catalogue.unlock', { passphrase: 'đoán thử' });
      expect(wrong.json).toMatchObject({ ok: false, error: { kind: 'locked' } });
      expect(gate.services()).toBeNull();
      const right = await api('catalogue.unlock', { passphrase: 'mật khẩu của văn phòng' });
      expect(right.json).toMatchObject({ ok: true, result: { locked: false } });
      expect((await api('app.counts')).json!.result.documents).toBe(1);
      expect((await api('catalogue.lockState')).json!.result).toMatchObject({ locked: false });
    } finally {
      await host.close();
      await gate.close();
    }
  });
});
