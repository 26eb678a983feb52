import type { ApiHandlers, OperationName } from '../../shared/contract/api';
import { ApiError, type CallReply } from '../../shared/contract/errors';
import { isOperationName, validateInput } from '../../shared/contract/validate';

export type Dispatch = (operation: unknown, input: unknown) => Promise<CallReply<unknown>>;

export interface Logger {
  error(message: string): void;
}

/** SQLite refusals that reach here despite the services' own checks, in the user's words. */
function fromSqliteError(err: { code?: unknown; message?: unknown }): ApiError | null {
  const code = typeof err.code === 'string' ? err.code : '';
  const message = String(err.message ?? '');
  if (!code.startsWith('SQLITE_')) return null;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new ApiError('conflict', 'Bản ghi trùng với một bản ghi đã có (mã hoặc số đã được dùng).', message);
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new ApiError('conflict', 'Bản ghi tham chiếu tới một mục không tồn tại hoặc đang được dùng.', message);
  }
  if (code === 'SQLITE_CONSTRAINT_TRIGGER' && message.includes('another fonds')) {
    return new ApiError('conflict', 'Tài liệu của các phông không được trộn lẫn.', message);
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) return new ApiError('invalid_input', 'Dữ liệu vi phạm ràng buộc của danh mục.', message);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new ApiError('conflict', 'Danh mục đang bận (một tiến trình khác đang ghi). Hãy thử lại.', message);
  }
  if (code === 'SQLITE_FULL') return new ApiError('internal', 'Ổ đĩa đã đầy: không ghi được vào danh mục.', message);
  return null;
}

/**
 * The one entry point every transport calls: checks the operation name, validates the input
 * against the contract, runs the handler and turns any failure into an error reply. Nothing
 * thrown by a handler escapes to the transport.
 */
export function createDispatch(handlers: ApiHandlers, log: Logger = console): Dispatch {
  return async (operation, input) => {
    try {
      if (!isOperationName(operation)) {
        throw new ApiError('unknown_operation', `Thao tác không tồn tại: ${String(operation).slice(0, 100)}`, `Unknown operation ${String(operation).slice(0, 100)}`);
      }
      const parsed = validateInput(operation, input);
      const handler = handlers[operation] as (i: unknown) => unknown;
      const result = await handler(parsed);
      return { ok: true, result };
    } catch (err) {
      const apiError: ApiError =
        err instanceof ApiError
          ? err
          : ((typeof err === 'object' && err !== null ? fromSqliteError(err as { code?: unknown; message?: unknown }) : null) ??
            new ApiError('internal', 'Đã xảy ra lỗi không mong muốn; dữ liệu đã lưu không bị ảnh hưởng.', String(err instanceof Error ? (err.stack ?? err.message) : err)));
      if (apiError.code === 'internal') log.error(`[kholuu] ${String(operation)}: ${apiError.messageEn}`);
      return { ok: false, error: apiError.toBody() };
    }
  };
}

export type { OperationName };
