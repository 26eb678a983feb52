/**
 * Reader thread of {@link ExtractPool}: reads an original's text (`extractText`, the formats' one
 * entry point) and runs the parser on it, one file at a time, so a bulk import uses a second core
 * for the reading while the main thread writes the catalogue, and the pool can time each file and
 * end a thread stuck in one. Files are read in the order they arrive and each one's reply is sent
 * when it is done: the pool knows from that which file the thread is on (see `Reader`). The pool
 * stores the original once it is read.
 */
import { parentPort } from 'node:worker_threads';
import { ApiError } from '../../../shared/contract/errors';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { indexBody } from '../../../shared/search/indexText';
import { extractText } from './extractText';

export interface ExtractRequest {
  type: 'extract';
  id: number;
  name: string;
  bytes: Uint8Array;
}

export type ExtractReply =
  | {
      type: 'done';
      id: number;
      ok: true;
      extracted: Awaited<ReturnType<typeof extractText>>;
      parsed: ReturnType<typeof parseDocument>;
      /** Absent for a text over {@link FOLD_HERE_MAX_CHARS}: the index writer folds it. */
      indexedBody?: string;
    }
  | { type: 'done'; id: number; ok: false; error: ReturnType<ApiError['toBody']> };

/**
 * A text longer than this is not folded here but by the index writer, on the main thread: its
 * folded copy sent along with it would be held twice in each thread (the string and its serialized
 * form) while it crosses, the costliest moment of a huge file's import. Party documents are far
 * shorter (a long one is 100,000 characters), so their folding stays off the main thread.
 */
export const FOLD_HERE_MAX_CHARS = 4_000_000;

async function read(request: ExtractRequest): Promise<ExtractReply> {
  try {
    const extracted = await extractText(request.name, request.bytes);
    const parsed = parseDocument(extracted.text, extracted.pages);
    const indexedBody = extracted.text.length <= FOLD_HERE_MAX_CHARS ? indexBody(extracted.text) : undefined;
    return { type: 'done', id: request.id, ok: true, extracted, parsed, indexedBody };
  } catch (err) {
    const error =
      err instanceof ApiError
        ? err
        : new ApiError('import.readFailed', { fileName: request.name, detail: err instanceof Error ? err.message : String(err) });
    return { type: 'done', id: request.id, ok: false, error: error.toBody() };
  }
}

const port = parentPort;
if (port) {
  const queue: ExtractRequest[] = [];
  let busy = false;
  const drain = async () => {
    busy = true;
    for (let request = queue.shift(); request; request = queue.shift()) {
      port.postMessage(await read(request));
    }
    busy = false;
  };
  port.on('message', (request: ExtractRequest) => {
    queue.push(request);
    if (!busy) void drain();
  });
  port.postMessage({ ready: true });
}
