/**
 * Renders a package's forms on a thread of their own (`formsWorker.ts`), in parallel with the
 * copying of the originals on the calling thread; where no thread can start, on the calling
 * thread, between the originals, as before.
 */
import type { Worker } from 'node:worker_threads';
import type { ExportFormat } from '../../../../shared/contract/types/handover';
import { ApiError } from '../../../../shared/contract/errors';
import { startWorker } from '../../workers/startWorker';
import type { ExportContext, FormsContext, PackagedForm, RenderedExport } from './exporter';
import { formsContext } from './exportContext';
import type { FormsReply, FormsRequest } from './formsWorker';

export interface FormsRendering {
  /** The forms, in the order asked. */
  readonly rendered: Promise<RenderedExport[]>;
  /** True once the forms' thread has started, false when they are rendered on the calling thread. */
  readonly apart: Promise<boolean>;
  /** Stops the rendering (the package was cancelled or failed); `rendered` then rejects. */
  stop(): void;
}

/** Lets the calling thread's other work (copying, progress polls, cancel calls) run between two forms. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

function onThisThread(ec: FormsContext, forms: FormsRequest['forms']): FormsRendering {
  let stopped = false;
  const rendered = (async () => {
    const { renderForm } = await import('./exporter');
    const out: RenderedExport[] = [];
    for (const [form, format] of forms) {
      await breathe();
      if (stopped) throw new Error('forms: stopped');
      out.push(await renderForm(ec, form, format));
    }
    return out;
  })();
  return { rendered, apart: Promise.resolve(false), stop: () => void (stopped = true) };
}

/** Starts the forms' thread; null when it cannot start (the caller renders on its own thread). */
async function startThread(): Promise<Worker | null> {
  return startWorker('formsWorker', () => new URL('./formsWorker.ts', import.meta.url).href);
}

/** Renders `forms` of `ec`, from the part of it they read (`formsContext`: the thread gets a copy of that part only). */
export function renderForms(ec: ExportContext, forms: ReadonlyArray<readonly [PackagedForm, ExportFormat]>): FormsRendering {
  const fc = formsContext(ec);
  let worker: Worker | null = null;
  let stopped = false;
  let fallback: FormsRendering | null = null;
  const started = startThread();
  const rendered = (async (): Promise<RenderedExport[]> => {
    worker = await started;
    if (stopped) {
      void worker?.terminate();
      throw new Error('forms: stopped');
    }
    if (!worker) {
      fallback = onThisThread(fc, forms);
      return fallback.rendered;
    }
    const thread = worker;
    return new Promise<RenderedExport[]>((resolve, reject) => {
      const out: RenderedExport[] = [];
      const fail = (err: Error) => {
        void thread.terminate();
        reject(err);
      };
      thread.on('message', (m: FormsReply) => {
        if (m.type === 'form') out.push({ fileName: m.fileName, mediaType: m.mediaType, bytes: Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength) });
        else if (m.type === 'done') {
          void thread.terminate();
          resolve(out);
        } else if (m.type === 'failed') fail(m.error ? ApiError.fromBody(m.error) : new Error(`forms thread: ${m.message}`));
      });
      thread.on('error', fail);
      thread.on('exit', (code) => reject(new Error(`forms thread exited (${code})`)));
      thread.postMessage({ ec: fc, forms } satisfies FormsRequest);
    });
  })();
  return {
    rendered,
    apart: started.then((w) => w !== null),
    stop: () => {
      stopped = true;
      fallback?.stop();
      void (worker as Worker | null)?.terminate();
    },
  };
}
