/**
 * `npm run cli -- [--db PATH] [--user NAME] <command> …`: batch work on a catalogue without the UI.
 * Every command goes through the same validated contract as the UI.
 */
import path from 'node:path';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import { defaultCataloguePath, defaultDataDir } from '../paths';
import { SAMPLES_DIR, appVersion } from '../repoPaths';
import { createDispatch } from '../services/dispatch';
import { createServices } from '../services/createServices';
import { type ParsedArgs, parseArgs, stringOption } from './args';
import { importCommand } from './importCommand';
import { parseCommand } from './parseCommand';
import { importReportCommand } from './importReportCommand';
import { documentText } from './output';
import { searchCommand } from './searchCommand';
import { HANDOVER_USAGE, handoverCommand, inventoryCommand } from './handoverCommands';
import { cataloguePassphrase } from './passphrase';
import { SAFETY_FLAGS, SAFETY_USAGE, safetyCommand } from './safetyCommands';
import { guardTerminal } from './terminal';

export type Call = <N extends OperationName>(name: N, input: InputOf<N>) => Promise<OutputOf<N>>;

const FLAGS = new Set(['json', 'help', 'strict', ...SAFETY_FLAGS]);

const USAGE = `Kho Lưu — dòng lệnh (command line)

  npm run cli -- [--db TỆP] [--user TÊN] <lệnh> …

Lệnh (commands):
  import <tệp hoặc thư mục…> [--fonds MÃ] [--file SỐ] [--strict]   nhập văn bản .txt/.md/.docx/.pdf
  import --resume <số lần nhập>                                    nhập tiếp một lần nhập bị gián đoạn hoặc đã hủy
  import-report [<số lần nhập>] [--format csv|json] [--outcome failed|duplicate|imported] [--out TỆP]
                                                                   các lần nhập; báo cáo từng tệp của một lần nhập
  search <từ khóa> [--fonds MÃ] [--type KL] [--from NGÀY] [--to NGÀY] [--sort relevance|date|date-asc|number]
         [--limit N] [--offset N] [--json]                         tìm kiếm (có hoặc không dấu, cả số ký hiệu)
  show <mã văn bản> [--json]                                       xem một văn bản
  parse <tệp> [--json]                                             đọc thông tin một văn bản (.txt/.md/.docx/.pdf/.jpg/.png/.tif; bản quét đọc bằng OCR), không cần danh mục

--db TỆP: danh mục cần dùng (mặc định: danh mục trong thư mục dữ liệu người dùng).
${SAFETY_USAGE}

${HANDOVER_USAGE}`;

/** Relative paths are read from where the user typed the command, not from the package root npm runs in. */
export function userPath(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

async function show(call: Call, args: ParsedArgs): Promise<number> {
  const id = Number(args.positional[1]);
  const doc = await call('documents.get', { id });
  if (args.options.has('json')) printJson(doc);
  else console.log(documentText(doc));
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  const command = args.positional[0];
  if (!command || args.options.has('help')) {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  // `parse` reads one file and opens no catalogue.
  if (command === 'parse') return parseCommand(args, userPath);
  const dbOption = stringOption(args, 'db');
  const cataloguePath = dbOption ? userPath(dbOption) : defaultCataloguePath(defaultDataDir());
  const user = stringOption(args, 'user');
  // An encrypted catalogue: --passphrase-file, else a hidden prompt on a terminal.
  const passphraseFile = stringOption(args, 'passphrase-file');
  const passphrase = await cataloguePassphrase(cataloguePath, passphraseFile ? userPath(passphraseFile) : undefined);
  const services = createServices({ cataloguePath, host: 'cli', version: appVersion(), samplesDir: SAMPLES_DIR, passphrase, ...(user ? { actor: user } : {}) });
  const dispatch = createDispatch(services.handlers, { error: (m) => console.error(m) });
  const call: Call = async (name, input) => {
    const reply = await dispatch(name, input);
    if (!reply.ok) throw ApiError.fromBody(reply.error);
    return reply.result as OutputOf<typeof name>;
  };
  try {
    // Secret documents are hidden on the command line unless this command is unlocked (audited).
    const unlockReason = stringOption(args, 'unlock-secrets');
    if (unlockReason) await call('access.unlockSecrets', { reason: unlockReason, purpose: 'export', durationMinutes: 60 });
    switch (command) {
      case 'import':
        return await importCommand(call, args, userPath);
      case 'search':
        return await searchCommand(call, args);
      case 'show':
        return await show(call, args);
      // Reading documents, formats, bulk import, review
      case 'import-report':
        return await importReportCommand(call, args, userPath);
      // Handover
      case 'inventory':
        return await inventoryCommand(call, args, userPath);
      case 'handover':
        return await handoverCommand(call, args, userPath);
      // Integrity, backups, access
      case 'audit':
      case 'check':
      case 'backup':
      case 'remove':
      case 'unremove':
      case 'removed':
      case 'destruction':
      case 'encrypt':
        return await safetyCommand(call, args, userPath, passphrase);
      default:
        console.error(`Lệnh không tồn tại: ${command}\n\n${USAGE}`);
        return 1;
    }
  } finally {
    await services.close();
  }
}

/**
 * The services' sentences name the ways on as the app offers them; on the command line some of them
 * are options, named here.
 */
const CLI_HINTS: Partial<Record<string, string>> = {
  'passphrase.exportsInDataFolder': 'Cách làm / Ways on: encrypt … --move-exports-to THƯ_MỤC (chuyển / move) | --remove-exports (xóa / remove)',
  'passphrase.quarantineInDataFolder': 'Cách làm / Way on: encrypt … --move-exports-to THƯ_MỤC (chuyển / move)',
};

guardTerminal();
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ApiError) {
      console.error(`Lỗi: ${err.message}\n(${err.messageEn})`);
      const hint = CLI_HINTS[err.code];
      if (hint) console.error(hint);
    } else console.error(`Lỗi: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
