import { Worker } from 'node:worker_threads';
import { workerSource } from './workerSource';

/**
 * Starts the worker module `name` (see `workerSource`) and waits for its first message, which
 * must be `{ type: 'ready' }`. Null when it cannot start, or fails or ends first (the caller then
 * does the work on its own thread). Only the listeners added here are removed afterwards: the
 * worker's own (by which a listener added later starts receiving messages) stay.
 */
export async function startWorker(name: string, typescriptEntry: () => string): Promise<Worker | null> {
  const source = workerSource(name, typescriptEntry);
  if (!source) return null;
  const worker = new Worker(source.code, { eval: true, workerData: source.workerData });
  let onMessage: ((m: { type?: string }) => void) | null = null;
  let onError: ((err: Error) => void) | null = null;
  let onExit: ((code: number) => void) | null = null;
  try {
    await new Promise<void>((resolve, reject) => {
      onMessage = (m) => (m.type === 'ready' ? resolve() : reject(new Error(`${name}: ${m.type}`)));
      onError = reject;
      onExit = (code) => reject(new Error(`${name} exited (${code})`));
      worker.once('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
    });
  } catch {
    void worker.terminate();
    return null;
  } finally {
    worker.off('message', onMessage!);
    worker.off('error', onError!);
    worker.off('exit', onExit!);
  }
  return worker;
}
