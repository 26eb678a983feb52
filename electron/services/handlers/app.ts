import os from 'node:os';
import type { ApiHandlers } from '../../../shared/contract/api';
import type { AppInfo, Locale } from '../../../shared/contract/types';
import { DOC_TYPE_NAMES } from '../../../shared/domain/docTypes';
import { type ServiceContext, audit } from '../context';
import { ocrSettings } from '../ocr/settings';
import { loadSamples, samplesAvailable } from '../samples';

type Handlers = Pick<ApiHandlers, 'app.info' | 'app.counts' | 'app.codeLists' | 'settings.update' | 'samples.load'>;

/** The operating-system user, the default name in the audit log. */
export function defaultActor(): string {
  try {
    return os.userInfo().username || 'người dùng';
  } catch {
    return 'người dùng';
  }
}

export function appInfo(ctx: ServiceContext): AppInfo {
  const { catalogue } = ctx;
  const locale = catalogue.repos.settings.get('locale');
  return {
    version: ctx.version,
    host: ctx.host,
    cataloguePath: catalogue.path,
    originalsPath: catalogue.originalsDir,
    schemaVersion: catalogue.schemaVersion,
    actor: ctx.actor(),
    locale: locale === 'en' ? 'en' : ('vi' satisfies Locale),
    samplesAvailable: samplesAvailable(ctx.samplesDir),
    ocr: ocrSettings(catalogue.repos.settings),
  };
}

export function appHandlers(ctx: ServiceContext): Handlers {
  const { repos } = ctx.catalogue;
  return {
    'app.info': () => appInfo(ctx),
    'app.counts': () => {
      // Hidden secret documents are not counted as shown, but their number is given.
      const counts = repos.counts();
      if (ctx.access.secretsVisible()) return counts;
      const secretHidden = repos.removals.activeSecretCount();
      return { ...counts, documents: counts.documents - secretHidden, secretHidden };
    },
    'app.codeLists': () => ({ retentionPeriods: repos.codes.retentionPeriods(), docTypes: [...DOC_TYPE_NAMES] }),
    'settings.update': (input) => {
      ctx.catalogue.transaction(() => {
        for (const [key, value] of Object.entries(input)) {
          if (value === undefined) continue;
          const before = repos.settings.get(key);
          if (before === String(value)) continue;
          repos.settings.set(key, String(value));
          audit(ctx, 'setting.update', 'setting', null, { [key]: before }, { [key]: value });
        }
      });
      return appInfo(ctx);
    },
    'samples.load': () => loadSamples(ctx),
  };
}
