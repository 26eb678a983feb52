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
import { documentText, searchHitJson, searchHitText } from './output';

export type Call = <N extends OperationName>(name: N, input: InputOf<N>) => Promise<OutputOf<N>>;

const FLAGS = new Set(['json', 'help', 'strict']);

const USAGE = `Kho Lưu — dòng lệnh (command line)

  npm run cli -- [--db TỆP] [--user TÊN] <lệnh> …

Lệnh (commands):
  import <tệp hoặc thư mục…> [--fonds MÃ] [--file SỐ] [--strict]   nhập văn bản .txt/.md
  search <từ khóa> [--limit N] [--json]                            tìm kiếm (có hoặc không dấu)
  show <mã văn bản> [--json]                                       xem một văn bản

--db TỆP: danh mục cần dùng (mặc định: danh mục trong thư mục dữ liệu người dùng).`;

/** Relative paths are read from where the user typed the command, not from the package root npm runs in. */
export function userPath(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

async function search(call: Call, args: ParsedArgs): Promise<number> {
  const text = args.positional.slice(1).join(' ');
  const limit = Number(stringOption(args, 'limit') ?? 10);
  const result = await call('search.query', { text, limit });
  if (args.options.has('json')) printJson({ query: text, total: result.total, hits: result.hits.map(searchHitJson) });
  else {
    console.log(`${result.total} kết quả cho “${text}”`);
    result.hits.forEach((h, i) => console.log(searchHitText(h, i + 1)));
  }
  return 0;
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
  const dbOption = stringOption(args, 'db');
  const cataloguePath = dbOption ? userPath(dbOption) : defaultCataloguePath(defaultDataDir());
  const user = stringOption(args, 'user');
  const services = createServices({ cataloguePath, host: 'cli', version: appVersion(), samplesDir: SAMPLES_DIR, ...(user ? { actor: user } : {}) });
  const dispatch = createDispatch(services.handlers, { error: (m) => console.error(m) });
  const call: Call = async (name, input) => {
    const reply = await dispatch(name, input);
    if (!reply.ok) throw ApiError.fromBody(reply.error);
    return reply.result as OutputOf<typeof name>;
  };
  try {
    switch (command) {
      case 'import':
        return await importCommand(call, args, userPath);
      case 'search':
        return await search(call, args);
      case 'show':
        return await show(call, args);
      // [import] issue 3: reading documents, formats, bulk import, review: add entries below this line
      // [search] issue 4: search: add entries below this line
      // [handover] issue 5: handover: add entries below this line
      // [safety] issue 6: integrity, backups, access: add entries below this line
      default:
        console.error(`Lệnh không tồn tại: ${command}\n\n${USAGE}`);
        return 1;
    }
  } finally {
    await services.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ApiError) console.error(`Lỗi: ${err.message}\n(${err.messageEn})`);
    else console.error(`Lỗi: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
