/** A small argument reader: `--name value`, `--flag`, and positional words, in any order. */
export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: string[], flags: ReadonlySet<string>): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) options.set(arg.slice(2, eq), arg.slice(eq + 1));
      else if (flags.has(arg.slice(2))) options.set(arg.slice(2), true);
      else {
        const value = argv[i + 1];
        if (value === undefined) throw new Error(`Thiếu giá trị cho ${arg} (missing value for ${arg})`);
        options.set(arg.slice(2), value);
        i++;
      }
    } else positional.push(arg);
  }
  return { positional, options };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}
