import type { ApiHandlers } from '../../../shared/contract/api';
import { ApiError, fieldError, notFound } from '../../../shared/contract/errors';
import type { Fonds } from '../../../shared/contract/types';
import { type ServiceContext, audit, nowOf } from '../context';
import { getOrganization } from './organizations';

type Handlers = Pick<ApiHandlers, 'fonds.list' | 'fonds.get' | 'fonds.create' | 'fonds.update' | 'fileLists.list' | 'fileLists.create'>;

export function getFonds(ctx: ServiceContext, id: number): Fonds {
  const fonds = ctx.catalogue.repos.fonds.get(id);
  if (!fonds) throw notFound('fonds', id);
  return fonds;
}

function checkCodeFree(ctx: ServiceContext, code: string, exceptId?: number): void {
  const existing = ctx.catalogue.repos.fonds.getByCode(code);
  if (existing && existing.id !== exceptId) {
    throw new ApiError('fonds.codeTaken', { code, name: existing.name }, { code: fieldError('field.fondsCodeTaken') });
  }
}

export function fondsHandlers(ctx: ServiceContext): Handlers {
  const { repos } = ctx.catalogue;
  return {
    'fonds.list': () => repos.fonds.list(),
    'fonds.get': ({ id }) => getFonds(ctx, id),

    'fonds.create': (input) => {
      getOrganization(ctx, input.organizationId);
      checkCodeFree(ctx, input.code);
      return ctx.catalogue.transaction(() => {
        const id = repos.fonds.insert(input, nowOf(ctx));
        const created = getFonds(ctx, id);
        audit(ctx, 'fonds.create', 'fonds', id, undefined, created);
        return created;
      });
    },

    'fonds.update': ({ id, patch }) => {
      const before = getFonds(ctx, id);
      if (patch.code !== undefined) checkCodeFree(ctx, patch.code, id);
      if (patch.organizationId !== undefined) getOrganization(ctx, patch.organizationId);
      return ctx.catalogue.transaction(() => {
        repos.fonds.update(id, patch, nowOf(ctx));
        const after = getFonds(ctx, id);
        audit(ctx, 'fonds.update', 'fonds', id, before, after);
        return after;
      });
    },

    'fileLists.list': ({ fondsId }) => {
      getFonds(ctx, fondsId);
      return repos.fileLists.listByFonds(fondsId);
    },

    'fileLists.create': (input) => {
      getFonds(ctx, input.fondsId);
      if (repos.fileLists.listByFonds(input.fondsId).some((l) => l.number === input.number)) {
        throw new ApiError('fileList.numberTaken', { number: input.number }, { number: fieldError('field.fileListNumberTaken') });
      }
      return ctx.catalogue.transaction(() => {
        const id = repos.fileLists.insert(input, nowOf(ctx));
        const created = repos.fileLists.get(id)!;
        audit(ctx, 'fileList.create', 'file_list', id, undefined, created);
        return created;
      });
    },
  };
}
