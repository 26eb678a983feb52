import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/contract/errors';
import type { CompletionStatus, OrganizationLevel } from '../../shared/contract/types';
import { type ServiceContext, audit, nowOf } from './context';
import { importDocument } from './import/importDocument';
import { pathSource } from './import/importJob';

/** `resources/samples/demo.json`: the demo fonds, described as data. */
interface DemoManifest {
  organization: { name: string; level: OrganizationLevel; startDate?: string | null; endDate?: string | null; notes?: string | null };
  successor?: { name: string; level: OrganizationLevel; startDate?: string | null; notes?: string | null; effectiveDate?: string | null; basis?: string | null };
  fonds: { code: string; name: string; status: 'open' | 'closed'; history?: string | null; notes?: string | null };
  files: Array<{
    code: string;
    title: string;
    retentionCode: string | null;
    completion: CompletionStatus | null;
    box: string | null;
    startDate: string | null;
    endDate: string | null;
    documents: string[];
  }>;
}

export function samplesAvailable(samplesDir: string | null): boolean {
  return samplesDir !== null && fs.existsSync(path.join(samplesDir, 'demo.json'));
}

function ensureOrganization(ctx: ServiceContext, o: { name: string; level: OrganizationLevel; startDate?: string | null; endDate?: string | null; notes?: string | null }): number {
  const repo = ctx.catalogue.repos.organizations;
  const existing = repo.findByName(o.name);
  if (existing) return existing.id;
  const id = repo.insert(o, nowOf(ctx));
  audit(ctx, 'organization.create', 'organization', id, undefined, repo.get(id));
  return id;
}

/**
 * Loads the five sample documents as a demo fonds (organization, its 2025 successor, files with
 * retention), so a new user sees a working catalogue. Loading twice changes nothing.
 */
export async function loadSamples(ctx: ServiceContext): Promise<{ fondsId: number; imported: number; duplicates: number }> {
  if (!ctx.samplesDir || !samplesAvailable(ctx.samplesDir)) {
    throw new ApiError('samples.notInstalled');
  }
  const dir = ctx.samplesDir;
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'demo.json'), 'utf8')) as DemoManifest;
  const { repos } = ctx.catalogue;

  const { fondsId, fileIds } = ctx.catalogue.transaction(() => {
    const orgId = ensureOrganization(ctx, manifest.organization);
    if (manifest.successor) {
      const successorId = ensureOrganization(ctx, manifest.successor);
      repos.organizations.addSuccession(orgId, successorId, manifest.successor.effectiveDate ?? null, manifest.successor.basis ?? null);
    }
    let fonds = repos.fonds.getByCode(manifest.fonds.code);
    if (!fonds) {
      const id = repos.fonds.insert({ ...manifest.fonds, organizationId: orgId }, nowOf(ctx));
      fonds = repos.fonds.get(id)!;
      audit(ctx, 'fonds.create', 'fonds', id, undefined, fonds);
    }
    const fileIds = new Map<string, number>();
    for (const f of manifest.files) {
      let file = repos.files.findByCode(fonds.id, f.code);
      if (!file) {
        const { documents: _docs, ...fields } = f;
        const id = repos.files.insert({ ...fields, fondsId: fonds.id }, nowOf(ctx));
        file = repos.files.get(id)!;
        audit(ctx, 'file.create', 'file', id, undefined, file);
      }
      fileIds.set(f.code, file.id);
    }
    return { fondsId: fonds.id, fileIds };
  });

  let imported = 0;
  let duplicates = 0;
  for (const f of manifest.files) {
    for (const name of f.documents) {
      const result = await importDocument(ctx, { fondsId, fileId: fileIds.get(f.code)! }, pathSource(path.join(dir, name)));
      if (result.outcome === 'imported') imported++;
      else if (result.outcome === 'duplicate') duplicates++;
      else throw new ApiError('samples.failed', { name, detail: String(result.message) });
    }
  }
  return { fondsId, imported, duplicates };
}
