/**
 * Errors are values with a code and a Vietnamese message at the boundary (English kept for logs).
 */
export type ErrorCode =
  | 'invalid_input'
  | 'unknown_operation'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'unsupported_file'
  | 'unreadable_file'
  | 'cancelled'
  | 'internal'
  /** The catalogue is encrypted and not yet opened with its passphrase (safety, issue 6). */
  | 'locked'
  /** A secret document (Mật, Tối mật, Tuyệt mật) the caller has not unlocked (safety, issue 6). */
  | 'hidden';

export interface ApiErrorBody {
  code: ErrorCode;
  /** Vietnamese, shown to the user. */
  message: string;
  /** English, for logs. */
  messageEn: string;
  /** Per-field problems, for forms: field path → Vietnamese message. */
  fields?: Record<string, string>;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly messageEn: string;
  readonly fields: Record<string, string> | undefined;

  constructor(code: ErrorCode, message: string, messageEn: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.messageEn = messageEn;
    this.fields = fields;
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, messageEn: this.messageEn, ...(this.fields ? { fields: this.fields } : {}) };
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.messageEn, body.fields);
  }
}

export function notFound(what: string, whatEn: string, id: number | string): ApiError {
  return new ApiError('not_found', `Không tìm thấy ${what} (mã ${id}).`, `${whatEn} ${id} not found.`);
}

/** The reply of every call, on every transport. */
export type CallReply<T> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };
