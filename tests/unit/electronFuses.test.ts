/**
 * The packaged app's Electron fuses, read from the build configuration electron-builder uses
 * (electron-builder.yml): no running as plain Node, no NODE_OPTIONS or --inspect, cookies encrypted,
 * code only from an integrity-checked app.asar.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/paths';

// electron-builder's own YAML reader (a dependency of the packager).
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface BuildConfig {
  asar?: boolean;
  electronFuses?: Record<string, unknown>;
}

const config = yaml.load(fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8')) as BuildConfig;
const scripts = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the packaged app’s Electron fuses', () => {
  it('is the configuration `npm run dist` packages with', () => {
    expect(scripts.dist).toContain('--config electron-builder.yml');
  });

  it('turns off running as Node, NODE_OPTIONS and the inspector, turns on cookie encryption', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });

  it('loads the app only from an app.asar whose integrity is checked', () => {
    expect(config.asar).not.toBe(false);
    expect(config.electronFuses).toMatchObject({ enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true });
  });

  it('names only fuses electron-builder knows (a misspelt one would be ignored, leaving its fuse as Electron ships it)', () => {
    const schema = JSON.parse(fs.readFileSync(createRequire(import.meta.url).resolve('app-builder-lib/scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    expect(known).toContain('runAsNode');
    expect(Object.keys(config.electronFuses ?? {}).filter((k) => !known.includes(k))).toEqual([]);
  });

  it('uses no child process that needs ELECTRON_RUN_AS_NODE (fork), which the fuse turns off', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.ts') && /\bfork\(|child_process/.test(fs.readFileSync(p, 'utf8'))) offenders.push(path.relative(REPO, p));
      }
    };
    walk(path.join(REPO, 'electron', 'main'));
    walk(path.join(REPO, 'electron', 'services'));
    walk(path.join(REPO, 'electron', 'data'));
    expect(offenders).toEqual([]);
  });
});
