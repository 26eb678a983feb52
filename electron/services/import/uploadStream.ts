import type { Job } from '../jobs';
import type { ImportSource } from './importDocument';

/**
 * Files a browser sends in parts (a folder of thousands, read by the browser and uploaded), fed to
 * one import run as they arrive: one run, one report and one pre-import backup for the whole
 * upload, and the import works on the first part while the next one is on its way.
 *
 * Memory stays bounded: a part is answered only once what is queued has fallen below
 * `highWaterBytes`, so the sender waits (its request is held) instead of piling parts up here.
 * A sender that goes quiet (the tab closed mid-upload) does not leave the run waiting for ever:
 * after `idleMs` with nothing queued and the upload not ended, the run stops with the reason.
 */
export interface UploadStreamOptions {
  /** Files the whole upload announced (the first part included). */
  expected: number;
  /** The first part, sent with the request that started the run. */
  first?: ImportSource[];
  /** Bytes (base64 size) queued past which a part is held back. */
  highWaterBytes?: number;
  /** How long the import waits for the next part before it gives up. */
  idleMs?: number;
}

/** Why a part was refused; the handler turns it into the contract's error. */
export type UploadRefusal = { reason: 'ended' } | { reason: 'tooMany'; expected: number; received: number };

export class UploadRefused extends Error {
  constructor(readonly refusal: UploadRefusal) {
    super(refusal.reason);
  }
}

/** The upload stopped arriving: the run ends with this as its reason. */
export class UploadStalled extends Error {
  constructor(
    readonly received: number,
    readonly expected: number,
  ) {
    super(`upload stalled after ${received}/${expected} files`);
  }
}

export const UPLOAD_HIGH_WATER_BYTES = 48 * 1024 * 1024;
export const UPLOAD_IDLE_MS = 120_000;

export class UploadStream {
  readonly expected: number;
  private readonly highWater: number;
  private readonly idleMs: number;
  private readonly queue: ImportSource[] = [];
  private queuedBytes = 0;
  private received = 0;
  private ended = false;
  private closed = false;
  /** The import waiting for a part. */
  private wakeConsumer: (() => void) | null = null;
  /** Senders whose parts wait for room. */
  private roomWaiters: Array<{ resolve: () => void; reject: (err: Error) => void }> = [];
  /** Told once the upload has ended, with how many files it sent. */
  onEnd: ((received: number) => void) | null = null;

  constructor(options: UploadStreamOptions) {
    this.expected = options.expected;
    this.highWater = options.highWaterBytes ?? UPLOAD_HIGH_WATER_BYTES;
    this.idleMs = options.idleMs ?? UPLOAD_IDLE_MS;
    for (const f of options.first ?? []) this.enqueue(f);
    this.received = options.first?.length ?? 0;
  }

  private enqueue(source: ImportSource): void {
    this.queue.push(source);
    this.queuedBytes += sizeOf(source);
  }

  get receivedCount(): number {
    return this.received;
  }

  /**
   * Queues a part; resolves once there is room for the next one. `last` ends the upload (a part
   * may be empty when it only says so). Refused once the upload has ended or the run stopped, and
   * when it would send more files than announced.
   */
  push(sources: ImportSource[], last: boolean): Promise<void> {
    if (this.ended || this.closed) return Promise.reject(new UploadRefused({ reason: 'ended' }));
    if (this.received + sources.length > this.expected) {
      return Promise.reject(new UploadRefused({ reason: 'tooMany', expected: this.expected, received: this.received + sources.length }));
    }
    for (const s of sources) this.enqueue(s);
    this.received += sources.length;
    if (last) {
      this.ended = true;
      this.onEnd?.(this.received);
    }
    this.wake();
    if (last || this.queuedBytes <= this.highWater) return Promise.resolve();
    return new Promise((resolve, reject) => this.roomWaiters.push({ resolve, reject }));
  }

  /** The run is over (done, cancelled or failed): parts queued are dropped, senders are refused. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    this.queuedBytes = 0;
    for (const w of this.roomWaiters.splice(0)) w.reject(new UploadRefused({ reason: 'ended' }));
    this.wake();
  }

  /** The files in the order they were sent; ends with the upload, or throws UploadStalled. */
  async *sources(): AsyncGenerator<ImportSource> {
    for (;;) {
      const next = this.queue.shift();
      if (next) {
        this.queuedBytes -= sizeOf(next);
        this.releaseRoom();
        yield next;
        continue;
      }
      if (this.ended || this.closed) return;
      await this.waitForPart();
    }
  }

  private waitForPart(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.wakeConsumer = null;
        reject(new UploadStalled(this.received, this.expected));
      }, this.idleMs);
      this.wakeConsumer = () => {
        clearTimeout(timer);
        this.wakeConsumer = null;
        resolve();
      };
    });
  }

  private wake(): void {
    this.wakeConsumer?.();
  }

  private releaseRoom(): void {
    if (this.queuedBytes > this.highWater) return;
    for (const w of this.roomWaiters.splice(0)) w.resolve();
  }
}

function sizeOf(source: ImportSource): number {
  try {
    return source.size;
  } catch {
    return 0;
  }
}

/** The upload feeding a job, if it takes its files in parts. */
const streams = new WeakMap<Job, UploadStream>();

export function attachUploadStream(job: Job, stream: UploadStream): void {
  streams.set(job, stream);
  // A cancelled run takes no more parts, and a sender held for room is let go at once.
  if (job.signal.aborted) stream.close();
  else job.signal.addEventListener('abort', () => stream.close(), { once: true });
}

export function uploadStreamOf(job: Job): UploadStream | undefined {
  return streams.get(job);
}
