import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/paths';

/** Every import specifier of every TypeScript file under a folder. */
function importsUnder(folder: string): Array<{ file: string; spec: string }> {
  const out: Array<{ file: string; spec: string }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(p);
      } else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        const source = fs.readFileSync(p, 'utf8');
        for (const m of source.matchAll(/(?:import|export)[^'"`]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)) {
          out.push({ file: path.relative(REPO, p), spec: (m[1] ?? m[2] ?? m[3])! });
        }
      }
    }
  };
  walk(path.join(REPO, folder));
  return out;
}

const NODE_BUILTIN = /^(node:|fs$|path$|os$|crypto$|http$|child_process$|url$|stream$|zlib$|worker_threads$)/;

describe('layering (after VS Code: shared = common, renderer = browser, electron = node)', () => {
  it('keeps shared/ free of Node, the DOM frameworks, Electron and the other layers', () => {
    const bad = importsUnder('shared').filter(
      ({ spec }) => NODE_BUILTIN.test(spec) || spec === 'electron' || spec.startsWith('react') || /\.\.\/(electron|renderer)\//.test(spec) || spec.includes('better-sqlite3'),
    );
    expect(bad).toEqual([]);
  });

  it('keeps renderer code away from Node, Electron and the services', () => {
    const bad = importsUnder(path.join('renderer', 'src')).filter(
      ({ spec }) => NODE_BUILTIN.test(spec) || spec === 'electron' || spec.includes('/electron/') || spec.includes('better-sqlite3'),
    );
    expect(bad).toEqual([]);
  });

  it('lets only the shell and the preload import electron', () => {
    const importers = importsUnder('electron')
      .filter(({ spec }) => spec === 'electron' || spec.startsWith('electron/'))
      .map(({ file }) => file)
      .sort();
    expect(importers).toEqual([path.join('electron', 'main', 'main.ts'), path.join('electron', 'main', 'shellIpc.ts'), path.join('electron', 'preload', 'preload.ts')]);
  });

  it('runs migrations only through migrate.ts, and keeps them apart from the program they outlive', () => {
    // Runtime code never imports a migration (a shipped migration is frozen, the program moves on)…
    const migrationsDir = path.join('electron', 'data', 'migrations');
    const importers = importsUnder('electron')
      .filter(({ file, spec }) => !file.startsWith(migrationsDir) && /(^|\/)migrations(\/|$)/.test(spec))
      .map(({ file }) => file);
    expect(importers).toEqual([path.join('electron', 'data', 'migrate.ts')]);
    // …and a migration never runs the program's code (repositories, services), which follows the newest schema.
    const reaching = importsUnder(migrationsDir).filter(({ spec }) => !spec.startsWith('./') && !spec.startsWith('../../../shared/') && !spec.startsWith('better-sqlite3'));
    expect(reaching).toEqual([]);
  });

  it('keeps SQL in the data layer', () => {
    const sqlOutside = importsUnder('electron')
      .filter(({ spec, file }) => spec.startsWith('better-sqlite3') && !file.startsWith(path.join('electron', 'data')))
      .map(({ file }) => file);
    expect(sqlOutside).toEqual([]);
    // No SQL statement text outside electron/data.
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!p.endsWith(path.join('electron', 'data'))) walk(p);
        } else if (entry.name.endsWith('.ts') && /\b(SELECT\s+[\w*]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b/.test(fs.readFileSync(p, 'utf8'))) {
          offenders.push(path.relative(REPO, p));
        }
      }
    };
    walk(path.join(REPO, 'electron'));
    walk(path.join(REPO, 'shared'));
    walk(path.join(REPO, 'renderer'));
    expect(offenders).toEqual([]);
  });
});
