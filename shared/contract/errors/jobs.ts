/**
 * Why a background job (an import, a register import, packaging, verifying or receiving a
 * package, a large bulk action) stopped, worded for the interface and the command line.
 */
import { defineErrors, error, type NestedMessage } from './define';

/** `cause`: one message, the error that stopped the job (a `job.detail` for one that has no code). */
type Cause = { cause: readonly NestedMessage[] };

export const jobErrors = defineErrors({
  codes: {
    /** What a library or the system said, as it said it (not translated). */
    'job.detail': error<{ detail: string }>('internal'),
    'job.unexpected': error<{ detail: string }>('internal'),
    'job.unexpectedNothingChanged': error<{ detail: string }>('internal'),
    'job.importStopped': error<Cause>('internal'),
    'job.uploadStalled': error<{ received: number; expected: number }>('cancelled'),
    'job.finishNotRecorded': error<{ detail: string }>('internal'),
    'job.registerStopped': error<Cause>('internal'),
  },
  vi: {
    'job.detail': (p) => `${p.detail}`,
    'job.unexpected': (p) => `Đã xảy ra lỗi không mong muốn: ${p.detail}`,
    'job.unexpectedNothingChanged': (p) => `Đã xảy ra lỗi không mong muốn; không có gì bị thay đổi: ${p.detail}`,
    'job.importStopped': (p) => `Nhập tài liệu bị dừng do lỗi: ${p.cause.join(' ')}`,
    'job.uploadStalled': (p) => `Nhập tài liệu bị dừng: trình duyệt ngừng gửi tệp (đã nhận ${p.received}/${p.expected} tệp; các tệp đã nhận được giữ lại)`,
    'job.finishNotRecorded': (p) => `Không ghi được kết thúc lần nhập: ${p.detail}`,
    'job.registerStopped': (p) => `Nhập sổ đăng ký bị dừng do lỗi: ${p.cause.join(' ')}`,
  },
  en: {
    'job.detail': (p) => `${p.detail}`,
    'job.unexpected': (p) => `An unexpected error occurred: ${p.detail}`,
    'job.unexpectedNothingChanged': (p) => `An unexpected error occurred; nothing was changed: ${p.detail}`,
    'job.importStopped': (p) => `The import stopped on an error: ${p.cause.join(' ')}`,
    'job.uploadStalled': (p) => `The import stopped: the browser stopped sending files (${p.received}/${p.expected} files received; those received are kept)`,
    'job.finishNotRecorded': (p) => `Could not record the end of the import run: ${p.detail}`,
    'job.registerStopped': (p) => `The register import stopped on an error: ${p.cause.join(' ')}`,
  },
});

/** The error that stopped a job, as the one message of a `cause`. */
export function causeOf(err: unknown): NestedMessage[] {
  if (typeof err === 'object' && err !== null && 'code' in err && 'params' in err && typeof (err as { code: unknown }).code === 'string') {
    const e = err as { code: string; params: object };
    return [{ code: e.code, params: e.params }];
  }
  return [{ code: 'job.detail', params: { detail: err instanceof Error ? err.message : String(err) } }];
}
