/**
 * The renderer's side of the contract. Inside Electron the preload exposes one function per
 * operation on `window.kholuu`; in a browser served by the browser host the same calls go over
 * HTTP to `/api/<operation>`, authenticated by the host's session cookie.
 */
import type { InputOf, KhoLuuApi, OperationName, OutputOf } from '@shared/contract/api';
import { ApiError, type CallReply } from '@shared/contract/errors';
import { BRIDGE_NAME, OPERATION_NAMES } from '@shared/contract/operationNames';

type Bridge = Record<string, (input: unknown) => Promise<CallReply<unknown>>>;

function electronBridge(): Bridge | null {
  const bridge = (globalThis as Record<string, unknown>)[BRIDGE_NAME];
  return bridge && typeof bridge === 'object' ? (bridge as Bridge) : null;
}

async function httpCall(name: string, input: unknown): Promise<CallReply<unknown>> {
  let response: Response;
  try {
    response = await fetch(`api/${name}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch (err) {
    console.error(`Kho Lưu: network error on ${name}: ${String(err)}`);
    return { ok: false, error: new ApiError('common.connectionLost').toBody() };
  }
  try {
    return (await response.json()) as CallReply<unknown>;
  } catch {
    return { ok: false, error: new ApiError('common.badReply', { status: response.status }).toBody() };
  }
}

export function createApi(): KhoLuuApi {
  const bridge = electronBridge();
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of OPERATION_NAMES) {
    api[name] = async (input: unknown) => {
      const reply = bridge ? await bridge[name]!(input ?? {}) : await httpCall(name, input);
      if (!reply.ok) throw ApiError.fromBody(reply.error);
      return reply.result;
    };
  }
  return api as unknown as KhoLuuApi;
}

export const api: KhoLuuApi = createApi();

export function call<N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  return api[name](input);
}

/** The host the UI runs in, for the few things that differ (file paths, window title). */
export const hostKind: 'electron' | 'web' = electronBridge() ? 'electron' : 'web';
