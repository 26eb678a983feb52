/**
 * Every change appends to the audit log. Walks every operation of the contract marked
 * `mutates: true` (new ones included: they need an entry in mutationFixtures.ts) and checks that a
 * call which changes any table leaves at least one new audit row; and that no query (mutates:
 * false) changes anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OperationName, operations } from '../../../shared/contract/api';
import { contentDigest } from '../../../electron/data/catalogueSummary';
import { SEED } from '../../support/paths';
import type { TestApp } from '../../support/services';
import { tempDir } from '../../support/services';
import { archiveWithFiles, importInto, openSafetyApp } from '../../support/safety';
import { MUTATION_FIXTURES, type World } from './mutationFixtures';

const names = Object.keys(operations) as OperationName[];
const mutating = names.filter((n) => operations[n].mutates);
const queries = names.filter((n) => !operations[n].mutates);

let template: string;
let ids: Omit<World, 'app'>;

beforeAll(async () => {
  const app = openSafetyApp(tempDir('kholuu-audit-template-'));
  const { org, fonds, fixed, permanent } = await archiveWithFiles(app);
  const successor = await app.call('organizations.create', { name: 'Đảng ủy xã Ea Súp (mới)', level: 'commune' });
  const documentIds = await importInto(app, { fondsId: fonds.id, fileId: fixed.id }, [SEED.conclusion1485, SEED.conclusion1097, SEED.letter4029]);
  await app.close();
  template = app.dir;
  ids = { orgId: org.id, successorId: successor.id, fondsId: fonds.id, fixedFileId: fixed.id, permanentFileId: permanent.id, documentIds };
});

const open: TestApp[] = [];
afterAll(async () => {
  for (const a of open) await a.close();
});

/** A fresh copy of the template catalogue (and its originals) for one operation. */
function world(): World {
  const dir = tempDir('kholuu-audit-op-');
  fs.cpSync(template, dir, { recursive: true });
  fs.rmSync(path.join(dir, 'catalogue.backups'), { recursive: true, force: true });
  const app = openSafetyApp(dir);
  open.push(app);
  return { app, ...ids };
}

/** The records (every table but the audit log) and the audit log's newest row. */
function fingerprint(app: TestApp, unaudited: readonly string[] = []): { digest: string; auditRows: number; lastAudit: string | null } {
  const db = app.services.context.catalogue.db;
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  return {
    digest: contentDigest(db, { exclude: ['audit_log', ...unaudited] }).sha256,
    auditRows: (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n,
    lastAudit: last?.hash ?? null,
  };
}

describe('every mutating operation leaves an audit row', () => {
  it('has found the mutating operations of the contract', () => {
    expect(mutating.length).toBeGreaterThan(20);
    expect(mutating).toContain('documents.update');
  });

  it.each(mutating)('%s', async (name) => {
    const w = world();
    if (!(name in w.app.services.handlers) || typeof (w.app.services.handlers as Record<string, unknown>)[name] !== 'function') {
      // The area that declared it has not registered its handler yet; once it does, this runs.
      console.warn(`[audit test] ${name}: no handler registered yet, not checked`);
      return;
    }
    const fixture = MUTATION_FIXTURES[name];
    expect(fixture, `${name} mutates the catalogue: add an example call to tests/integration/safety/mutationFixtures.ts`).toBeDefined();
    const input = await fixture!.input(w);
    const unaudited = fixture!.unaudited?.tables ?? [];
    const before = fingerprint(w.app, unaudited);
    const result = await w.app.call(name, input as never);
    await fixture!.settle?.(w, result);
    const after = fingerprint(w.app, unaudited);
    const changed = after.digest !== before.digest;
    if (fixture!.changesNothing) expect(changed, `${name} was declared to change nothing (${fixture!.changesNothing})`).toBe(false);
    else expect(changed, `${name}: the example call should change the catalogue`).toBe(true);
    // A change ends the chain with a new row (a restore takes rows back, then records itself).
    if (changed) expect(after.lastAudit, `${name} changed the catalogue without an audit row`).not.toBe(before.lastAudit);
    if (changed && name !== 'backups.restore') expect(after.auditRows).toBeGreaterThan(before.auditRows);
  });
});

describe('queries change nothing', () => {
  // Queries whose input may be empty can be called as they are; the others are covered by their areas' tests.
  const callable = queries.filter((n) => operations[n].input.safeParse({}).success);

  it.each(callable)('%s', async (name) => {
    const w = world();
    if (typeof (w.app.services.handlers as Record<string, unknown>)[name] !== 'function') return;
    const before = fingerprint(w.app);
    await w.app.call(name, {} as never);
    const after = fingerprint(w.app);
    expect(after.digest, `${name} is a query but changed the catalogue`).toBe(before.digest);
    expect(after.lastAudit).toBe(before.lastAudit);
  });
});
