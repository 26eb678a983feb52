import type { ApiHandlers } from '../../shared/contract/api';
import { withBackupsHeld } from './safety/backups/backupNow';
import { originalsToSeal, sealAllOriginals } from './safety/sealOriginals';
import type { AppInfo } from '../../shared/contract/types';
import { Catalogue, type OpenCatalogueOptions } from '../data/catalogue';
import type { ServiceContext } from './context';
import { appHandlers, defaultActor } from './handlers/app';
import { auditHandlers } from './handlers/audit';
import { documentHandlers } from './handlers/documents';
import { fileHandlers } from './handlers/files';
import { fondsHandlers } from './handlers/fonds';
import { importHandlers } from './handlers/importing';
import { organizationHandlers } from './handlers/organizations';
import { searchHandlers } from './handlers/search';
import { JobRegistry } from './jobs';
import { ExtractPool, defaultPoolSize } from './import/extractPool';
import { type FileBudget, fileBudgetFromEnv } from './import/fileBudget';
import { SearchService } from './search/searchService';
// The original beside its record
import { originalHandlers } from './handlers/originals';
import { safetyHandlers } from './handlers/safety';
import { SecretsAccess, secretsShownByDefault } from './safety/secretsAccess';
import { withSecretPolicy } from './safety/secretOutputs';
import { handoverHandlers } from './handlers/handover';
import { citationHandlers } from './handlers/citations';
import { reviewHandlers } from './handlers/review';
import { registerHandlers } from './handlers/registers';
import { bulkHandlers } from './handlers/bulk';
import { structureHandlers } from './handlers/structure';
import { ocrHandlers } from './handlers/ocr';

export interface ServicesOptions extends OpenCatalogueOptions {
  cataloguePath: string;
  host: AppInfo['host'];
  version: string;
  samplesDir?: string | null;
  /** Fixed actor (command line `--user`); otherwise the catalogue's setting, then the OS user. */
  actor?: string;
  /** Show secret documents without an unlock (default: only in the desktop app). */
  secretsVisibleByDefault?: boolean;
  /** What reading one imported file may cost (default: `fileBudgetFromEnv()`). */
  fileBudget?: FileBudget;
}

export interface Services {
  context: ServiceContext;
  handlers: ApiHandlers;
  /** Cancels running jobs and closes the catalogue. */
  close(): Promise<void>;
}

/** Opens a catalogue and builds every handler of the contract on it. Knows nothing of its host. */
export function createServices(options: ServicesOptions): Services {
  const catalogue = Catalogue.open(options.cataloguePath, options);
  const context: ServiceContext = {
    catalogue,
    host: options.host,
    version: options.version,
    samplesDir: options.samplesDir ?? null,
    jobs: new JobRegistry(),
    actor: () => options.actor ?? catalogue.repos.settings.get('actor') ?? defaultActor(),
    // Secret records: shown by default only in the desktop app; unlocking is audited.
    access: new SecretsAccess(options.secretsVisibleByDefault ?? secretsShownByDefault(options.host), () => Date.parse(catalogue.now())),
    readers: new ExtractPool(defaultPoolSize(), options.fileBudget ?? fileBudgetFromEnv()),
    search: new SearchService(catalogue.repos),
  };
  // An encryption cut short (a crash, a power cut), or a catalogue encrypted by a build that left
  // originals plain: the originals still plain are sealed now, in the background, no backup running meanwhile.
  // The key is made before any operation can write an original (a catalogue created encrypted has none yet).
  if (originalsToSeal(context)) catalogue.ensureOriginalsKey();
  const sealing = originalsToSeal(context)
    ? withBackupsHeld(context, () => sealAllOriginals(context)).then(
        (r) => {
          if (r.problems.length > 0) console.error(`[kholuu] originals left unsealed: ${r.problems.join('; ')}`);
        },
        (err: unknown) => console.error(`[kholuu] sealing originals failed: ${String(err)}`),
      )
    : Promise.resolve();
  const handlers: ApiHandlers = {
    ...appHandlers(context),
    ...organizationHandlers(context),
    ...fondsHandlers(context),
    ...fileHandlers(context),
    ...documentHandlers(context),
    ...importHandlers(context),
    ...searchHandlers(context),
    ...auditHandlers(context),

    // Reading documents, formats, bulk import, review
    ...citationHandlers(context),
    ...reviewHandlers(context),
    ...registerHandlers(context),
    // Handover
    ...handoverHandlers(context),
    // The original beside its record
    ...originalHandlers(context),
    // Integrity, backups, access
    ...safetyHandlers(context),
    // Selection and bulk actions
    ...bulkHandlers(context),
    ...structureHandlers(context),
    // OCR pages and word boxes
    ...ocrHandlers(context),
  };
  return {
    context,
    // What a caller may not see of secret records is withheld from every answer.
    handlers: withSecretPolicy(context, handlers),
    close: async () => {
      const running = context.jobs.running();
      for (const job of running) job.requestCancel();
      // Let each running job reach its next file boundary and stop there.
      while (context.jobs.running().length > 0) await new Promise((r) => setTimeout(r, 10));
      await sealing;
      await context.readers.close();
      catalogue.close();
    },
  };
}
