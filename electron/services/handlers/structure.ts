/**
 * Correcting the structure of the archive: a fonds or an organization entered by mistake is
 * removed with a reason (kept, with who and when, and restorable — never deleted), once nothing
 * rests on it; a lineage link entered by mistake is taken back, with a reason in the audit log.
 */
import type { ApiHandlers } from '../../../shared/contract/api';
import { ApiError } from '../../../shared/contract/errors';
import { type ServiceContext, audit, nowOf } from '../context';
import { getFonds } from './fonds';
import { getOrganization } from './organizations';

type Handlers = Pick<ApiHandlers, 'fonds.remove' | 'fonds.restore' | 'organizations.remove' | 'organizations.restore' | 'organizations.removeSuccessor' | 'structure.removed'>;

const asFields = (r: { at: string; by: string; reason: string } | null) => ({ removedAt: r?.at ?? null, removedBy: r?.by ?? null, removalReason: r?.reason ?? null });

export function structureHandlers(ctx: ServiceContext): Handlers {
  const { repos } = ctx.catalogue;
  return {
    'fonds.remove': ({ id, reason }) => {
      const fonds = getFonds(ctx, id);
      if (repos.fonds.removal(id)) throw new ApiError('structure.fondsRemoved', { code: fonds.code });
      if (fonds.fileCount > 0 || fonds.documentCount > 0) throw new ApiError('structure.fondsNotEmpty', { code: fonds.code, files: fonds.fileCount, documents: fonds.documentCount });
      return ctx.catalogue.transaction(() => {
        repos.fonds.setRemoval(id, { at: nowOf(ctx), by: ctx.actor(), reason });
        audit(ctx, 'fonds.remove', 'fonds', id, asFields(null), asFields(repos.fonds.removal(id)));
        return getFonds(ctx, id);
      });
    },

    'fonds.restore': ({ id }) => {
      const fonds = getFonds(ctx, id);
      const removal = repos.fonds.removal(id);
      if (!removal) throw new ApiError('structure.fondsNotRemoved', { code: fonds.code });
      if (repos.organizations.removal(fonds.organizationId)) {
        throw new ApiError('structure.organizationRemoved', { name: fonds.organizationName });
      }
      const clash = repos.fonds.getByCode(fonds.code);
      if (clash && clash.id !== id) throw new ApiError('fonds.codeTaken', { code: fonds.code, name: clash.name });
      return ctx.catalogue.transaction(() => {
        repos.fonds.setRemoval(id, null);
        audit(ctx, 'fonds.restore', 'fonds', id, asFields(removal), asFields(null));
        return getFonds(ctx, id);
      });
    },

    'organizations.remove': ({ id, reason }) => {
      const org = getOrganization(ctx, id);
      if (repos.organizations.removal(id)) throw new ApiError('structure.organizationRemoved', { name: org.name });
      const rests = repos.organizations.dependants(id);
      if (rests.fonds > 0 || rests.children > 0 || rests.batches > 0) throw new ApiError('structure.organizationInUse', { name: org.name, ...rests });
      return ctx.catalogue.transaction(() => {
        repos.organizations.setRemoval(id, { at: nowOf(ctx), by: ctx.actor(), reason });
        audit(ctx, 'organization.remove', 'organization', id, asFields(null), asFields(repos.organizations.removal(id)));
        return getOrganization(ctx, id);
      });
    },

    'organizations.restore': ({ id }) => {
      const org = getOrganization(ctx, id);
      const removal = repos.organizations.removal(id);
      if (!removal) throw new ApiError('structure.organizationNotRemoved', { name: org.name });
      return ctx.catalogue.transaction(() => {
        repos.organizations.setRemoval(id, null);
        audit(ctx, 'organization.restore', 'organization', id, asFields(removal), asFields(null));
        return getOrganization(ctx, id);
      });
    },

    'organizations.removeSuccessor': ({ predecessorId, successorId, reason }) => {
      const from = getOrganization(ctx, predecessorId);
      const to = getOrganization(ctx, successorId);
      const link = repos.organizations.succession(predecessorId, successorId);
      if (!link) throw new ApiError('structure.noSuccession', { from: from.name, to: to.name });
      return ctx.catalogue.transaction(() => {
        repos.organizations.removeSuccession(predecessorId, successorId);
        audit(ctx, 'organization.removeSuccessor', 'organization', predecessorId, { successorId, ...link }, { successorId: null, removalReason: reason });
        return getOrganization(ctx, predecessorId);
      });
    },

    'structure.removed': () => ({ organizations: repos.organizations.removed(), fonds: repos.fonds.removed() }),

  };
}
