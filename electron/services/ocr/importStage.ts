/**
 * OCR as a stage of an import. The readers (on the import's worker thread or this one) tell a scan
 * by `needsOcr`; this stage reads such a file again with OCR on its own engine (worker threads of
 * its own, started at the first scan), parses the OCR text and flags the fields read from doubtful
 * words. Progress is counted in pages on the job; a cancel aborts the pages being read at once.
 */
import { setMaxListeners } from 'node:events';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { reviewOcrFields } from '../../../shared/ocr/fieldBoxes';
import { indexBody } from '../../../shared/search/indexText';
import type { ServiceContext } from '../context';
import type { Extraction } from '../import/extractPool';
import { extractText } from '../import/extractText';
import type { PreparedImport } from '../import/importDocument';
import type { OriginalToStore } from '../import/originalsStore';
import type { Job } from '../jobs';
import { OCR_CANCELLED_MESSAGE, OcrEngine, ocrWorkersFrom } from './engine';
import { ocrSettings } from './settings';

type Extract = (name: string, bytes: Uint8Array, store: OriginalToStore) => Promise<Extraction>;

export class OcrStage {
  private engine: OcrEngine | null = null;
  private readonly enabled: boolean;
  private readonly workers: number;

  constructor(
    ctx: ServiceContext,
    private readonly job: Job,
  ) {
    const settings = ocrSettings(ctx.catalogue.repos.settings);
    this.enabled = settings.enabled;
    this.workers = ocrWorkersFrom(settings.workers);
    // Every page waiting for a worker listens for the cancel: many at once is expected, not a leak.
    setMaxListeners(0, job.signal);
  }

  /** The import's reader, with scans read again by OCR (when OCR is on). */
  wrap(read: Extract): Extract {
    if (!this.enabled) return read;
    return async (name, bytes, store) => {
      const first = await read(name, bytes, store);
      // A scan, or a PDF whose text layer may be garbled (the reader could not try OCR itself).
      if (!first.extracted.needsOcr && first.extracted.textLayer !== 'doubtful') return first;
      this.engine ??= new OcrEngine({ workers: this.workers });
      const status = this.job.status;
      const extracted = await extractText(name, bytes, {
        ocr: {
          engine: this.engine,
          signal: this.job.signal,
          onPages: ({ added, done }) => {
            if (added) status.pagesTotal = (status.pagesTotal ?? 0) + added;
            if (done) status.pagesDone = (status.pagesDone ?? 0) + done;
          },
        },
      });
      const parsed = parseDocument(extracted.text, extracted.pages);
      const reasons = reviewOcrFields(parsed, extracted.pages);
      return {
        extracted: Object.keys(reasons).length > 0 ? { ...extracted, reviewReasons: { ...extracted.reviewReasons, ...reasons } } : extracted,
        parsed,
        storedPath: first.storedPath,
        indexedBody: indexBody(extracted.text),
      };
    };
  }

  async close(): Promise<void> {
    await this.engine?.close();
  }
}

/** A file whose OCR a cancel stopped: not committed nor reported, so a resume reads it again. */
export function stoppedByCancel(prepared: PreparedImport): boolean {
  return prepared.kind === 'settled' && prepared.result.outcome === 'failed' && prepared.result.message === OCR_CANCELLED_MESSAGE;
}
