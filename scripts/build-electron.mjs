// Bundles the Electron shell: main (Node, CommonJS) and the sandboxed preload (one self-contained
// file, as sandboxed preloads cannot require project modules).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: false, logLevel: 'warning' };

await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron', 'better-sqlite3-multiple-ciphers'] });
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
console.log('Electron shell built: dist/electron/main.cjs, dist/electron/preload.cjs');
