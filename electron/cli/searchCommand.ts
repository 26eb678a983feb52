import { ApiError } from '../../shared/contract/errors';
import { docTypeByAbbr, DOC_TYPE_NAMES } from '../../shared/domain/docTypes';
import { fold } from '../../shared/text/fold';
import type { ParsedArgs } from './args';
import { stringOption } from './args';
import type { Call } from './main';
import { searchHitJson, searchHitText, searchMatchJson } from './output';

/**
 * `search <words> [--fonds CODE] [--type KL|"KẾT LUẬN"] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
 * [--sort relevance|date|date-asc|number] [--limit N] [--offset N] [--json]`
 */

const SORTS: Record<string, 'relevance' | 'date_desc' | 'date_asc' | 'number'> = {
  relevance: 'relevance',
  date: 'date_desc',
  'date-desc': 'date_desc',
  'date-asc': 'date_asc',
  number: 'number',
};


/** `KL`, `kết luận`, `KET LUAN` → `KẾT LUẬN`. */
function docTypeOf(raw: string): string {
  const byAbbr = docTypeByAbbr(raw.trim());
  if (byAbbr) return byAbbr.name;
  const f = fold(raw).trim();
  const byName = DOC_TYPE_NAMES.find((n) => fold(n) === f);
  if (byName) return byName;
  throw new ApiError('cli.unknownDocType', { value: raw });
}

function isoOption(args: ParsedArgs, name: string): string | undefined {
  const v = stringOption(args, name);
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
    throw new ApiError('cli.optionNeedsDate', { option: name, value: v });
  }
  return v;
}

function intOption(args: ParsedArgs, name: string, fallback: number): number {
  const v = stringOption(args, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new ApiError('cli.optionNeedsCount', { option: name, value: v });
  return n;
}

export async function searchCommand(call: Call, args: ParsedArgs): Promise<number> {
  const text = args.positional.slice(1).join(' ');
  const limit = intOption(args, 'limit', 10);
  const offset = intOption(args, 'offset', 0);
  const sortRaw = stringOption(args, 'sort') ?? 'relevance';
  const sort = SORTS[sortRaw];
  if (!sort) throw new ApiError('cli.sortNotAllowed', { allowed: Object.keys(SORTS), value: sortRaw });
  const filters: Record<string, unknown> = {};
  const fondsCode = stringOption(args, 'fonds');
  if (fondsCode) {
    const fonds = (await call('fonds.list', {})).find((f) => f.code === fondsCode);
    if (!fonds) throw new ApiError('cli.fondsCodeUnknown', { code: fondsCode });
    filters.fondsIds = [fonds.id];
  }
  const type = stringOption(args, 'type');
  if (type) filters.docTypes = type.split(',').map(docTypeOf);
  const from = isoOption(args, 'from');
  const to = isoOption(args, 'to');
  if (from) filters.dateFrom = from;
  if (to) filters.dateTo = to;
  const result = await call('search.query', { text, limit, offset, sort, filters: filters as never, exactTotal: true });
  if (args.options.has('json')) {
    const json = {
      query: text,
      total: result.total,
      hits: result.hits.map(searchHitJson),
      matches: result.hits.map(searchMatchJson),
      sort: sortRaw,
      offset,
      filters,
      direct: result.direct ?? null,
      corrections: result.corrections ?? [],
      didYouMean: result.didYouMean ?? null,
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    console.log(`${result.total} kết quả cho “${text}”`);
    if (result.didYouMean?.searched) console.log(`(không thấy “${text}”; đã tìm “${result.didYouMean.text}”)`);
    else for (const c of result.corrections ?? []) console.log(`(không thấy “${c.word}”, đã tìm: ${c.alternatives.join(', ')})`);
    result.hits.forEach((h, i) => console.log(searchHitText(h, offset + i + 1)));
  }
  return 0;
}
