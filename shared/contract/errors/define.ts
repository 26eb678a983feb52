/**
 * How an error is declared: a code, the kind of failure it is, and the type of its parameters.
 * Each area declares its codes with their sentences in Vietnamese and English in one module
 * (`errors/<area>.ts`); `errors/codes.ts` merges the areas once and refuses a code declared twice.
 * The sentences are pure functions of the parameters, so a missing or mistyped parameter fails to
 * compile on both sides: where the error is thrown and where it is worded.
 */

/**
 * What kind of failure an error is; the transports map it (an HTTP status, a CLI exit code) and the
 * UI reacts to some of them (`locked` opens the passphrase page). Every kind but `internal` is an
 * expected error, caused by what the user asked or by the machine's state; `internal` is a bug
 * (after VS Code's `ErrorNoTelemetry` / `BugIndicatingError` split).
 */
export type ErrorKind =
  | 'invalid_input'
  | 'unknown_operation'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'unsupported_file'
  | 'unreadable_file'
  | 'cancelled'
  | 'internal'
  /** The catalogue is encrypted and not yet opened with its passphrase. */
  | 'locked'
  /** A secret document (Mật, Tối mật, Tuyệt mật) the caller has not unlocked. */
  | 'hidden';

/** A parameter travels as JSON across IPC and HTTP. */
export type ErrorParamValue = string | number | boolean | null | readonly string[] | readonly number[];
export type ErrorParamsShape = { readonly [name: string]: ErrorParamValue | undefined };
/** The parameters of a code that takes none. */
export type NoParams = Record<string, never>;

/** One code's declaration; `params` is a phantom that carries the parameters' type only. */
export interface ErrorDefinition<P extends ErrorParamsShape = ErrorParamsShape> {
  readonly kind: ErrorKind;
  /** The whole text lists each field's problem after the sentence (an invalid input's details). */
  readonly listsFields?: boolean;
  /** Phantom (never set): carries the parameters' type. A method, so that it stays bivariant. */
  params?(params: P): void;
}

export type ErrorDefinitions = Readonly<Record<string, ErrorDefinition>>;

export type ParamsOf<D> = D extends { params?(params: infer P): void } ? P : never;

/** A language's sentence for every code of a set of definitions. */
export type Sentences<D extends ErrorDefinitions> = { readonly [C in keyof D]: (params: ParamsOf<D[C]>) => string };

/** Declares a code of `kind` taking parameters `P` (none by default). */
export function error(kind: ErrorKind, options?: { listsFields?: boolean }): ErrorDefinition<NoParams>;
export function error<P extends ErrorParamsShape>(kind: ErrorKind, options?: { listsFields?: boolean }): ErrorDefinition<P>;
export function error(kind: ErrorKind, options: { listsFields?: boolean } = {}): ErrorDefinition {
  return { kind, ...options };
}

/** One area's codes and their sentences in both languages of the interface. */
export interface ErrorArea<D extends ErrorDefinitions> {
  readonly codes: D;
  readonly vi: Sentences<D>;
  readonly en: Sentences<D>;
}

export function defineErrors<D extends ErrorDefinitions>(area: ErrorArea<D>): ErrorArea<D> {
  return area;
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
export type MergedCodes<A extends readonly ErrorArea<ErrorDefinitions>[]> = UnionToIntersection<A[number]['codes']>;

/**
 * Merges the areas' codes and sentences into one table each; a code declared by two areas is
 * refused when the module loads (after Actual's `createApp`, which refuses a handler name twice).
 */
export function mergeErrorAreas<A extends readonly ErrorArea<ErrorDefinitions>[]>(
  areas: A,
): { codes: MergedCodes<A>; vi: Record<string, (p: never) => string>; en: Record<string, (p: never) => string> } {
  const codes: Record<string, ErrorDefinition> = {};
  const vi: Record<string, (p: never) => string> = {};
  const en: Record<string, (p: never) => string> = {};
  for (const area of areas) {
    for (const code of Object.keys(area.codes)) {
      if (Object.prototype.hasOwnProperty.call(codes, code)) throw new Error(`Error code ${code} is declared by two areas`);
      codes[code] = area.codes[code]!;
      vi[code] = area.vi[code]! as (p: never) => string;
      en[code] = area.en[code]! as (p: never) => string;
    }
  }
  return { codes: codes as MergedCodes<A>, vi, en };
}
