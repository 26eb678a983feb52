import type { ApiHandlers } from '../../../shared/contract/api';
import { ApiError, fieldError, notFound } from '../../../shared/contract/errors';
import type { ArchiveFile } from '../../../shared/contract/types';
import { diffRecords } from '../../../shared/domain/canonicalJson';
import { type ServiceContext, audit, nowOf } from '../context';
import { getFonds } from './fonds';

type Handlers = Pick<ApiHandlers, 'files.list' | 'files.get' | 'files.create' | 'files.update'>;

export function getFile(ctx: ServiceContext, id: number): ArchiveFile {
  const file = ctx.catalogue.repos.files.get(id);
  if (!file) throw notFound('file', id);
  return file;
}

function checkRefs(ctx: ServiceContext, fondsId: number, v: { retentionCode?: string | null; fileListId?: number | null; code?: string }, exceptId?: number): void {
  const { repos } = ctx.catalogue;
  if (v.retentionCode != null && !repos.codes.retentionExists(v.retentionCode)) {
    throw new ApiError('file.unknownRetention', { code: v.retentionCode }, { retentionCode: fieldError('field.unknownRetention') });
  }
  if (v.fileListId != null) {
    const list = repos.fileLists.get(v.fileListId);
    if (!list || list.fondsId !== fondsId) {
      throw new ApiError('file.listOfOtherFonds', {}, { fileListId: fieldError('field.fileListOfOtherFonds') });
    }
  }
  if (v.code !== undefined) {
    const existing = repos.files.findByCode(fondsId, v.code);
    if (existing && existing.id !== exceptId) {
      throw new ApiError('file.codeTaken', { code: v.code, title: existing.title }, { code: fieldError('field.fileCodeTaken') });
    }
  }
}

export function fileHandlers(ctx: ServiceContext): Handlers {
  const { repos } = ctx.catalogue;
  return {
    'files.list': ({ fondsId, fileListId }) => {
      getFonds(ctx, fondsId);
      return repos.files.listByFonds(fondsId, fileListId);
    },
    'files.get': ({ id }) => getFile(ctx, id),

    'files.create': (input) => {
      getFonds(ctx, input.fondsId);
      checkRefs(ctx, input.fondsId, input);
      return ctx.catalogue.transaction(() => {
        const id = repos.files.insert(input, nowOf(ctx));
        const created = getFile(ctx, id);
        audit(ctx, 'file.create', 'file', id, undefined, created);
        return created;
      });
    },

    'files.update': ({ id, patch }) => {
      const before = getFile(ctx, id);
      checkRefs(ctx, before.fondsId, patch, id);
      const start = patch.startDate === undefined ? before.startDate : patch.startDate;
      const end = patch.endDate === undefined ? before.endDate : patch.endDate;
      if (start && end && start > end) {
        throw new ApiError('file.datesReversed', {}, { endDate: fieldError('field.datesReversed') });
      }
      return ctx.catalogue.transaction(() => {
        repos.files.update(id, patch, nowOf(ctx));
        const after = getFile(ctx, id);
        const { documentCount: _b, updatedAt: _bu, ...b } = before;
        const { documentCount: _a, updatedAt: _au, ...a } = after;
        const diff = diffRecords(b, a);
        if (diff) audit(ctx, 'file.update', 'file', id, diff.before, diff.after);
        return after;
      });
    },
  };
}
