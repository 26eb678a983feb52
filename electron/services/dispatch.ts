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
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return new ApiError('catalogue.duplicate');
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new ApiError('catalogue.missingReference');
  if (code === 'SQLITE_CONSTRAINT_TRIGGER' && message.includes('another fonds')) return new ApiError('catalogue.fondsMixed');
  if (code.startsWith('SQLITE_CONSTRAINT')) return new ApiError('catalogue.constraint');
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new ApiError('catalogue.busy');
  if (code === 'SQLITE_FULL') return new ApiError('catalogue.diskFull');
  return null;
}

function describe(err: unknown): string {
  return String(err instanceof Error ? (err.stack ?? err.message) : err);
}

/**
 * The one entry point every transport calls: checks the operation name, validates the input
 * against the contract, runs the handler and turns any failure into an error reply. Nothing
 * thrown by a handler escapes to the transport. An `ApiError` is an expected error and travels as
 * its code and parameters; anything else is a bug, logged with its stack and answered with
 * `common.unexpected` (the stack never leaves the process).
 */
export function createDispatch(handlers: ApiHandlers, log: Logger = console): Dispatch {
  return async (operation, input) => {
    try {
      if (!isOperationName(operation)) throw new ApiError('common.unknownOperation', { operation: String(operation).slice(0, 100) });
      const parsed = validateInput(operation, input);
      const handler = handlers[operation] as (i: unknown) => unknown;
      const result = await handler(parsed);
      return { ok: true, result };
    } catch (err) {
      if (err instanceof ApiError) {
        if (err.kind === 'internal') log.error(`[kholuu] ${String(operation)}: ${err.messageEn}`);
        return { ok: false, error: err.toBody() };
      }
      const known = typeof err === 'object' && err !== null ? fromSqliteError(err as { code?: unknown; message?: unknown }) : null;
      log.error(`[kholuu] ${String(operation)}: ${known ? `${known.messageEn} ` : ''}${describe(err)}`);
      return { ok: false, error: (known ?? new ApiError('common.unexpected')).toBody() };
    }
  };
}

export type { OperationName };
