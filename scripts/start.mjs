// `npm start`: opens the Electron app where Electron is installed; otherwise says so in one line
// and points to the browser host.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function electronBinary() {
  try {
    const binary = require('electron'); // the package exports the binary's path
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) {
  console.log('Electron chưa được cài trên máy này (Electron is not installed here): chạy Kho Lưu trên trình duyệt bằng `npm run web` rồi mở đường dẫn nó in ra.');
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
execFileSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });

// better-sqlite3 must be compiled for Electron's ABI. Build that copy once into .cache, so the
// Node copy the tests and the command line use stays as it is.
const electronVersion = require('electron/package.json').version;
const cacheDir = path.join(root, '.cache', 'electron-native');
const binding = path.join(cacheDir, 'better_sqlite3.node');
const stamp = path.join(cacheDir, 'electron-version.txt');
if (!fs.existsSync(binding) || fs.readFileSync(stamp, 'utf8') !== electronVersion) {
  const work = path.join(cacheDir, 'build');
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')), work, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
  });
  console.log(`Dựng SQLite (better-sqlite3-multiple-ciphers) cho Electron ${electronVersion} (building better-sqlite3 for Electron)…`);
  execFileSync(
    npm,
    ['exec', '--yes', '--', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'],
    { cwd: work, stdio: 'inherit' },
  );
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), binding);
  fs.writeFileSync(stamp, electronVersion);
}

const child = spawn(binary, [root], { stdio: 'inherit', env: { ...process.env, KHOLUU_SQLITE_BINDING: binding } });
child.on('exit', (code) => process.exit(code ?? 0));
