/**
 * Backups share an original by hard-linking it (one file for many backups). A byte flipped in that
 * file damages it in every backup that shares it: the next backup must not link it again (it checks
 * the SHA-256 first and copies a sound one from the managed folder), and `backup verify` names every
 * backup the damage touches.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED } from '../../support/paths';
import type { TestApp } from '../../support/services';
import { archiveWithFiles, importInto, openSafetyApp } from '../../support/safety';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

function flipByte(file: string): void {
  const bytes = fs.readFileSync(file);
  bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
  // Written in place (same inode), as a disk error or a careless edit would.
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, bytes, 0, bytes.length, 0);
  } finally {
    fs.closeSync(fd);
  }
}

describe('originals shared between backups', () => {
  it('a damaged shared original is not linked into the next backup, and verify names every backup it touches', async () => {
    const app = openSafetyApp();
    apps.push(app);
    const { fonds, fixed } = await archiveWithFiles(app);
    await importInto(app, { fondsId: fonds.id, fileId: fixed.id }, [SEED.conclusion1485, SEED.letter4029]);
    const a = await app.call('backups.create', { note: 'A' });
    const b = await app.call('backups.create', { note: 'B' });
    expect(b.originals).toMatchObject({ linked: 2, copied: 0 });

    const stored = app.services.context.catalogue.repos.attachments.storedPath(1)!;
    const inB = path.join(b.path, 'originals', stored);
    expect(fs.statSync(inB).ino).toBe(fs.statSync(path.join(a.path, 'originals', stored)).ino);
    flipByte(inB);

    const c = await app.call('backups.create', { note: 'C' });
    expect(c.originals).toMatchObject({ count: 2, linked: 1, copied: 1, problems: [], previousDamaged: [stored] });
    const inC = path.join(c.path, 'originals', stored);
    expect(fs.statSync(inC).ino).not.toBe(fs.statSync(inB).ino);
    expect((await app.call('backups.verify', { id: c.id })).ok).toBe(true);

    const verified = await app.call('backups.verify', { id: b.id });
    expect(verified.ok).toBe(false);
    expect(verified.sharedDamage).toEqual([{ storedPath: stored, backups: [a.id] }]);
    expect(verified.problems.join('\n')).toContain(a.id);
    const fromA = await app.call('backups.verify', { id: a.id });
    expect(fromA.sharedDamage).toEqual([{ storedPath: stored, backups: [b.id] }]);
    // The managed original was never shared with a backup: it is sound.
    expect((await app.call('integrity.check', { originals: true })).originals.problems).toEqual([]);
  });

  it('a managed original changed in place is named and left out of the backup; the others are copied as stored', async () => {
    const app = openSafetyApp();
    apps.push(app);
    const { fonds, fixed } = await archiveWithFiles(app);
    await importInto(app, { fondsId: fonds.id, fileId: fixed.id }, [SEED.conclusion1485, SEED.letter4029]);
    const { catalogue } = app.services.context;
    const stored = catalogue.repos.attachments.storedPath(1)!;
    flipByte(path.join(catalogue.originalsDir, stored));

    const made = await app.call('backups.create', { note: 'bản gốc hỏng' });
    expect(made.originals).toMatchObject({ count: 2, copied: 1, linked: 0 });
    expect(made.originals.problemTexts?.map((t) => t.code)).toEqual(['backupOriginal.changed']);
    expect(fs.existsSync(path.join(made.path, 'originals', stored))).toBe(false);
    const other = catalogue.repos.attachments.storedPath(2)!;
    expect(fs.readFileSync(path.join(made.path, 'originals', other))).toEqual(fs.readFileSync(path.join(catalogue.originalsDir, other)));
    expect((await app.call('backups.verify', { id: made.id })).problems).toEqual([]);
  });
});
