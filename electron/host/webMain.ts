/**
 * `npm run web`: the browser host. Opens the default catalogue (or `--db` / `--data-dir`),
 * serves the built renderer on 127.0.0.1 and prints the address with its one-time token.
 */
import path from 'node:path';
import { parseArgs, stringOption } from '../cli/args';
import { defaultCataloguePath, defaultDataDir } from '../paths';
import { RENDERER_DIST, SAMPLES_DIR, appVersion } from '../repoPaths';
import { readPassphraseFile } from '../cli/passphrase';
import { openCatalogueGate } from '../services/safety/catalogueGate';
import { startBrowserHost } from './webServer';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), new Set());
  const dataDir = path.resolve(stringOption(args, 'data-dir') ?? defaultDataDir());
  const cataloguePath = path.resolve(stringOption(args, 'db') ?? defaultCataloguePath(dataDir));
  const port = Number(stringOption(args, 'port') ?? process.env.KHOLUU_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Cổng không hợp lệ: ${port}`);

  // An encrypted catalogue opens with --passphrase-file, or from the unlock screen in the browser.
  const passphraseFile = stringOption(args, 'passphrase-file');
  const passphrase = passphraseFile ? readPassphraseFile(path.resolve(passphraseFile)) : null;
  const gate = openCatalogueGate({ cataloguePath, host: 'web', version: appVersion(), samplesDir: SAMPLES_DIR, passphrase });
  const host = await startBrowserHost({ dispatch: gate.dispatch, rendererDir: RENDERER_DIST, port });

  console.log(`Kho Lưu đang chạy / is running: ${host.openUrl}`);
  console.log(`Danh mục / catalogue: ${cataloguePath}${gate.services() ? '' : ' (mã hóa: nhập mật khẩu trong trình duyệt / encrypted: enter the passphrase in the browser)'}`);
  console.log('Mở đường dẫn trên bằng trình duyệt; nhấn Ctrl+C để dừng. (Open the URL in a browser; Ctrl+C stops.)');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await gate.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`Không khởi động được Kho Lưu: ${message}`);
  process.exit(1);
});
