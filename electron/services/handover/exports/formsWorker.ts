/**
 * Thread that renders a package's forms (`formsThread.ts`): Word, spreadsheet and PDF rendering is
 * seconds of work for a large batch, done here on a second core while the main thread copies and
 * hashes the originals. Gets the part of the loaded export context the forms read and the forms to
 * make, answers each form's bytes in order, then ends.
 */
import { parentPort } from 'node:worker_threads';
import type { ExportFormat } from '../../../../shared/contract/types/handover';
import { ApiError } from '../../../../shared/contract/errors';
import { type FormsContext, type PackagedForm, renderForm } from './exporter';

export interface FormsRequest {
  ec: FormsContext;
  forms: ReadonlyArray<readonly [PackagedForm, ExportFormat]>;
}

export type FormsReply =
  | { type: 'ready' }
  | { type: 'form'; fileName: string; mediaType: string; bytes: Uint8Array }
  | { type: 'done' }
  | { type: 'failed'; error: ReturnType<ApiError['toBody']> | null; message: string };

const port = parentPort;
if (port) {
  port.once('message', (request: FormsRequest) => {
    void (async () => {
      try {
        for (const [form, format] of request.forms) {
          const r = await renderForm(request.ec, form, format);
          port.postMessage({ type: 'form', fileName: r.fileName, mediaType: r.mediaType, bytes: r.bytes } satisfies FormsReply);
        }
        port.postMessage({ type: 'done' } satisfies FormsReply);
      } catch (err) {
        port.postMessage({ type: 'failed', error: err instanceof ApiError ? err.toBody() : null, message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies FormsReply);
      }
    })();
  });
  port.postMessage({ type: 'ready' } satisfies FormsReply);
}
