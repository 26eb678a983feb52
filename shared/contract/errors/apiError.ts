/**
 * Errors are values with a code and parameters. The code names the situation
 * (`handover.batchCodeTaken`), the parameters fill its sentence, and each language's catalogue
 * writes that sentence (`errors/<area>.ts`): the renderer in the interface's language, the command
 * line and the logs in Vietnamese and English. Across IPC and HTTP an error travels as its code,
 * parameters and per-field errors, never as prose.
 *
 * An `ApiError` is an expected error: the user asked for something the catalogue refuses, or the
 * machine is in a state that prevents it (a locked catalogue, a full disk). Anything else thrown is
 * a bug: the dispatcher logs it with its stack and replies `common.unexpected`.
 */
import type { Locale } from '../types';
import { ERROR_CODES, ERROR_SENTENCES, type ErrorCode, type ErrorParams } from './codes';
import type { ErrorKind } from './define';

/** A code with its parameters: what an error, a field error or a refusal carries. */
export type ErrorMessage<C extends ErrorCode = ErrorCode> = C extends ErrorCode ? { code: C; params: ErrorParams<C> } : never;

/** Per-field problems of a form: field path → code and parameters. */
export type FieldErrors = Record<string, ErrorMessage>;

/** How an error crosses a process boundary. */
export interface ApiErrorBody {
  code: ErrorCode;
  /** Derived from the code; sent so that a caller without the catalogue can tell a bug from a refusal. */
  kind: ErrorKind;
  params: Record<string, unknown>;
  fields?: FieldErrors;
}

/** The parameters argument: optional for a code that takes none. */
type ParamsArgs<C extends ErrorCode> = Record<never, never> extends ErrorParams<C> ? [params?: ErrorParams<C>, fields?: FieldErrors] : [params: ErrorParams<C>, fields?: FieldErrors];

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}

/** The kind of failure a code is (see `ErrorKind`). */
export function kindOf(code: ErrorCode): ErrorKind {
  return ERROR_CODES[code].kind;
}

/** The sentence for a code and its parameters, in one language. */
export function sentence(locale: Locale, message: { code: ErrorCode; params?: unknown }): string {
  const write = ERROR_SENTENCES[locale][message.code] as ((p: unknown) => string) | undefined;
  if (!write) return sentence(locale, { code: 'common.unexpected' });
  return write(worded(locale, message.params ?? {}));
}

function isNested(value: unknown): value is { code: ErrorCode; params?: unknown } {
  return typeof value === 'object' && value !== null && isErrorCode((value as { code?: unknown }).code);
}

/** Nested messages among the parameters, worded in the same language. */
function worded(locale: Locale, params: unknown): unknown {
  if (typeof params !== 'object' || params === null) return params;
  let out: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value) && value.length > 0 && value.every(isNested)) {
      out ??= { ...(params as Record<string, unknown>) };
      out[key] = value.map((m) => sentence(locale, m));
    }
  }
  return out ?? params;
}

/**
 * The whole text of an error: its sentence, followed for an invalid input by each field's problem
 * (`code: không được để trống; …`), which is all the command line has to show.
 */
export function errorText(locale: Locale, error: { code: ErrorCode; params?: unknown; fields?: FieldErrors }): string {
  const main = sentence(locale, error);
  if (!ERROR_CODES[error.code].listsFields || !error.fields) return main;
  const list = Object.entries(error.fields)
    .map(([path, f]) => `${path}: ${sentence(locale, f)}`)
    .join('; ');
  return list ? `${main.replace(/\.$/, '')} — ${list}.` : main;
}

/** Each field's sentence in one language, keyed as the error gives them. */
export function fieldTexts(locale: Locale, fields: FieldErrors): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([path, f]) => [path, sentence(locale, f)]));
}

export class ApiError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly params: ErrorParams<C>;
  readonly fields: FieldErrors | undefined;
  readonly kind: ErrorKind;

  constructor(code: C, ...args: ParamsArgs<C>);
  constructor(code: C, params?: unknown, fields?: FieldErrors) {
    const p = (params ?? {}) as ErrorParams<C>;
    // The Vietnamese text is the Error's message: what the command line prints and logs show.
    super(errorText('vi', { code, params: p, ...(fields ? { fields } : {}) }));
    this.name = 'ApiError';
    this.code = code;
    this.params = p;
    this.fields = fields;
    this.kind = kindOf(code);
  }

  /** The English text, for logs. */
  get messageEn(): string {
    return errorText('en', this);
  }

  /** This error in a language of the interface. */
  textIn(locale: Locale): string {
    return errorText(locale, this);
  }

  toBody(): ApiErrorBody {
    return { code: this.code, kind: this.kind, params: this.params as Record<string, unknown>, ...(this.fields ? { fields: this.fields } : {}) };
  }

  /** Rebuilds an error sent by the other side; a code this build does not know is a bug there. */
  static fromBody(body: ApiErrorBody): ApiError {
    if (!isErrorCode(body?.code)) return new ApiError('common.unexpected');
    const fields = body.fields && Object.values(body.fields).every((f) => isErrorCode(f?.code)) ? body.fields : undefined;
    return new (ApiError as unknown as new (code: ErrorCode, params: unknown, fields?: FieldErrors) => ApiError)(body.code, body.params ?? {}, fields);
  }
}

/** A field's problem, for the `fields` of an error. */
export function fieldError<C extends ErrorCode>(code: C, ...[params]: ParamsArgs<C>): ErrorMessage {
  return { code, params: (params ?? {}) as ErrorParams<C> } as unknown as ErrorMessage;
}

/** The reply of every call, on every transport. */
export type CallReply<T> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };

/**
 * A text the user reads that is not a thrown error (a package's problem, a file's import outcome,
 * why a job stopped): its Vietnamese sentence for the command line and older readers (`message`),
 * and its code and parameters (`text`) for the interface to word in its own language.
 */
export function coded<C extends ErrorCode>(code: C, ...[params]: ParamsArgs<C>): { message: string; text: ErrorMessage } {
  const text = fieldError(code, ...([params] as ParamsArgs<C>));
  return { message: sentence('vi', text), text };
}

/** An error as such a text: its Vietnamese sentence and its code and parameters. */
export function codedError(err: ApiError): { message: string; text: ErrorMessage } {
  return { message: err.message, text: { code: err.code, params: err.params } as ErrorMessage };
}
