import type { ApiHandlers } from '../../../shared/contract/api';
import { ApiError, notFound } from '../../../shared/contract/errors';
import type { ArchiveFile } from '../../../shared/contract/types';
import { diffRecords } from '../../../shared/domain/canonicalJson';
import { type ServiceContext, audit, nowOf } from '../context';
import { getFonds } from './fonds';

type Handlers = Pick<ApiHandlers, 'files.list' | 'files.get' | 'files.create' | 'files.update'>;

export function getFile(ctx: ServiceContext, id: number): ArchiveFile {
  const file = ctx.catalogue.repos.files.get(id);
  if (!file) throw notFound('hồ sơ', 'File', id);
  return file;
}

function checkRefs(ctx: ServiceContext, fondsId: number, v: { retentionCode?: string | null; fileListId?: number | null; code?: string }, exceptId?: number): void {
  const { repos } = ctx.catalogue;
  if (v.retentionCode != null && !repos.codes.retentionExists(v.retentionCode)) {
    throw new ApiError('invalid_input', `Thời hạn bảo quản “${v.retentionCode}” không có trong bảng thời hạn.`, `Unknown retention ${v.retentionCode}`, {
      retentionCode: 'Thời hạn không hợp lệ',
    });
  }
  if (v.fileListId != null) {
    const list = repos.fileLists.get(v.fileListId);
    if (!list || list.fondsId !== fondsId) {
      throw new ApiError('invalid_input', 'Mục lục hồ sơ không thuộc phông này.', 'File list not in this fonds', { fileListId: 'Mục lục không thuộc phông' });
    }
  }
  if (v.code !== undefined) {
    const existing = repos.files.findByCode(fondsId, v.code);
    if (existing && existing.id !== exceptId) {
      throw new ApiError('conflict', `Phông này đã có hồ sơ số “${v.code}” (${existing.title}).`, `File code ${v.code} taken`, { code: 'Số hồ sơ đã tồn tại trong phông' });
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
        throw new ApiError('invalid_input', 'Ngày kết thúc của hồ sơ phải sau ngày bắt đầu.', 'endDate before startDate', { endDate: 'Ngày kết thúc phải sau ngày bắt đầu' });
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
