/**
 * Correcting the structure of the archive: a fonds or an organization entered by mistake is
 * removed with a reason (kept, with who and when, and restorable — never deleted), once nothing
 * rests on it; a lineage link entered by mistake is taken back, with a reason in the audit log.
 */
import type { ApiHandlers } from '../../../shared/contract/api';
import { ApiError, notFound } from '../../../shared/contract/errors';
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
      if (repos.fonds.removal(id)) throw new ApiError('conflict', `Phông “${fonds.code}” đã được gỡ bỏ trước đó.`, `Fonds ${id} already removed`);
      if (fonds.fileCount > 0 || fonds.documentCount > 0) {
        throw new ApiError(
          'conflict',
          `Phông “${fonds.code}” còn ${fonds.fileCount} hồ sơ và ${fonds.documentCount} văn bản: hãy chuyển hoặc gỡ bỏ chúng trước (tài liệu các phông không được trộn lẫn, không được bỏ sót).`,
          `Fonds ${id} still holds ${fonds.fileCount} files and ${fonds.documentCount} documents`,
        );
      }
      return ctx.catalogue.transaction(() => {
        repos.fonds.setRemoval(id, { at: nowOf(ctx), by: ctx.actor(), reason });
        audit(ctx, 'fonds.remove', 'fonds', id, asFields(null), asFields(repos.fonds.removal(id)));
        return getFonds(ctx, id);
      });
    },

    'fonds.restore': ({ id }) => {
      const fonds = getFonds(ctx, id);
      const removal = repos.fonds.removal(id);
      if (!removal) throw new ApiError('conflict', `Phông “${fonds.code}” không ở trạng thái gỡ bỏ.`, `Fonds ${id} is not removed`);
      if (repos.organizations.removal(fonds.organizationId)) {
        throw new ApiError('conflict', `Đơn vị hình thành phông “${fonds.organizationName}” đang bị gỡ bỏ: hãy khôi phục đơn vị trước.`, `Organization ${fonds.organizationId} is removed`);
      }
      const clash = repos.fonds.getByCode(fonds.code);
      if (clash && clash.id !== id) throw new ApiError('conflict', `Mã phông “${fonds.code}” đã được dùng cho phông khác.`, `Fonds code ${fonds.code} taken`);
      return ctx.catalogue.transaction(() => {
        repos.fonds.setRemoval(id, null);
        audit(ctx, 'fonds.restore', 'fonds', id, asFields(removal), asFields(null));
        return getFonds(ctx, id);
      });
    },

    'organizations.remove': ({ id, reason }) => {
      const org = getOrganization(ctx, id);
      if (repos.organizations.removal(id)) throw new ApiError('conflict', `Đơn vị “${org.name}” đã được gỡ bỏ trước đó.`, `Organization ${id} already removed`);
      const rests = repos.organizations.dependants(id);
      if (rests.fonds > 0 || rests.children > 0 || rests.batches > 0) {
        const parts = [
          rests.fonds > 0 ? `${rests.fonds} phông` : null,
          rests.children > 0 ? `${rests.children} đơn vị trực thuộc` : null,
          rests.batches > 0 ? `${rests.batches} đợt bàn giao` : null,
        ].filter(Boolean);
        throw new ApiError('conflict', `Đơn vị “${org.name}” còn ${parts.join(', ')}: không gỡ bỏ được.`, `Organization ${id} still has ${JSON.stringify(rests)}`);
      }
      return ctx.catalogue.transaction(() => {
        repos.organizations.setRemoval(id, { at: nowOf(ctx), by: ctx.actor(), reason });
        audit(ctx, 'organization.remove', 'organization', id, asFields(null), asFields(repos.organizations.removal(id)));
        return getOrganization(ctx, id);
      });
    },

    'organizations.restore': ({ id }) => {
      const org = getOrganization(ctx, id);
      const removal = repos.organizations.removal(id);
      if (!removal) throw new ApiError('conflict', `Đơn vị “${org.name}” không ở trạng thái gỡ bỏ.`, `Organization ${id} is not removed`);
      return ctx.catalogue.transaction(() => {
        repos.organizations.setRemoval(id, null);
        audit(ctx, 'organization.restore', 'organization', id, asFields(removal), asFields(null));
        return getOrganization(ctx, id);
      });
    },

    'organizations.removeSuccessor': ({ predecessorId, successorId, reason }) => {
      getOrganization(ctx, predecessorId);
      getOrganization(ctx, successorId);
      const link = repos.organizations.succession(predecessorId, successorId);
      if (!link) throw notFound('quan hệ kế thừa', 'Succession', `${predecessorId}→${successorId}`);
      return ctx.catalogue.transaction(() => {
        repos.organizations.removeSuccession(predecessorId, successorId);
        audit(ctx, 'organization.removeSuccessor', 'organization', predecessorId, { successorId, ...link }, { successorId: null, removalReason: reason });
        return getOrganization(ctx, predecessorId);
      });
    },

    'structure.removed': () => ({ organizations: repos.organizations.removed(), fonds: repos.fonds.removed() }),

  };
}
