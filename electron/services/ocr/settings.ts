import type { SettingsRepository } from '../../data/repositories/settings';
import { DEFAULT_OCR_WORKERS, clampWorkers } from './engine';

/**
 * The catalogue's OCR settings (`settings.update`): on by default with 2 worker threads. The
 * environment variable `KHOLUU_OCR_WORKERS` overrides the number for one run (benchmarks, tests).
 */
export function ocrSettings(settings: SettingsRepository): { enabled: boolean; workers: number } {
  const enabled = settings.get('ocrEnabled') !== 'false';
  const stored = Number(settings.get('ocrWorkers'));
  return { enabled, workers: Number.isFinite(stored) && stored >= 1 ? clampWorkers(stored) : DEFAULT_OCR_WORKERS };
}
