/**
 * Worker thread of {@link ExtractPool}: reads an original's text (`extractText`, the formats' one
 * entry point), runs the parser on it and stores the original (not yet flushed), so a bulk import
 * uses a second core for the reading while the main thread writes the catalogue.
 */
import { parentPort } from 'node:worker_threads';
import { ApiError } from '../../../shared/contract/errors';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { indexBody } from '../../../shared/search/indexText';
import { extractText } from './extractText';
import { type OriginalToStore, writeOriginalAsync } from './originalsStore';

export interface ExtractRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
  store: OriginalToStore;
}

export type ExtractReply =
  | { id: number; ok: true; extracted: Awaited<ReturnType<typeof extractText>>; parsed: ReturnType<typeof parseDocument>; storedPath: string; indexedBody: string }
  | { id: number; ok: false; error: ReturnType<ApiError['toBody']> };

const port = parentPort;
if (port) {
  port.on('message', (request: ExtractRequest) => {
    void (async () => {
      let reply: ExtractReply;
      try {
        const extracted = await extractText(request.name, request.bytes);
        const parsed = parseDocument(extracted.text, extracted.pages);
        const { dir, sha256, extension } = request.store;
        const storedPath = await writeOriginalAsync(dir, sha256, extension, request.bytes);
        reply = { id: request.id, ok: true, extracted, parsed, storedPath, indexedBody: indexBody(extracted.text) };
      } catch (err) {
        const error =
          err instanceof ApiError
            ? err
            : new ApiError('unreadable_file', `Không đọc được “${request.name}”: ${err instanceof Error ? err.message : String(err)}`, `Cannot read ${request.name}: ${String(err)}`);
        reply = { id: request.id, ok: false, error: error.toBody() };
      }
      port.postMessage(reply);
    })();
  });
  port.postMessage({ ready: true });
}
