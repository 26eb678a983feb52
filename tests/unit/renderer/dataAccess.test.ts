/**
 * Components reach the host only through the data hooks (`useQuery`, `useMutation`,
 * `useLazyQuery`, and an area's own `use….ts` hook such as the bulk run or the original loader),
 * never by calling the client themselves: that is where stale replies are dropped, errors are
 * worded and changes are announced, so no view can forget to.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const components = path.resolve(__dirname, '../../../renderer/src/components');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** The names a file imports from `api/client`. */
function clientImports(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'[./]*\/api\/client'/g)) names.push(...m[1]!.split(',').map((n) => n.trim()).filter(Boolean));
  return names;
}

describe("the components' way to the host", () => {
  it('finds client imports the way components write them (the check itself can fail)', () => {
    expect(clientImports("import { call } from '../../api/client';")).toEqual(['call']);
    expect(clientImports("import { call, hostKind } from '../../api/client';")).toEqual(['call', 'hostKind']);
  });

  it('no component (.tsx) calls the client directly; only data hooks (use….ts) may', () => {
    const offenders: string[] = [];
    for (const file of filesUnder(components).filter((f) => f.endsWith('.tsx'))) {
      const names = clientImports(fs.readFileSync(file, 'utf8')).filter((n) => n !== 'hostKind');
      if (names.length > 0) offenders.push(`${path.relative(components, file)}: ${names.join(', ')}`);
    }
    expect(offenders).toEqual([]);
  });

  it('a data hook module under components is a hook (its name starts with use)', () => {
    const modules = filesUnder(components).filter((f) => f.endsWith('.ts') && clientImports(fs.readFileSync(f, 'utf8')).some((n) => n !== 'hostKind'));
    expect(modules.length).toBeGreaterThan(0);
    for (const m of modules) expect(path.basename(m), m).toMatch(/^use[A-Z]/);
  });
});
