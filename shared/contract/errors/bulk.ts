/**
 * Errors of bulk actions and undo, of correcting the archive's structure (removing fonds and
 * organizations, taking back a lineage link) and of removing a draft handover batch. What one
 * record of a selection cannot take is not an error but a refusal in the action's report
 * (`RefusalCode`, worded by the renderer).
 */
import { defineErrors, error } from './define';

export const bulkErrors = defineErrors({
  codes: {
    'bulk.targetFileRemoved': error<{ code: string }>('conflict'),
    'bulk.fileInHandover': error<{ code: string; batch: string }>('conflict'),
    'bulk.batchNotDraft': error<{ code: string }>('conflict'),
    'bulk.batchIncoming': error<{ code: string }>('conflict'),
    'bulk.changedWhilePlanning': error<{ label: string }>('conflict'),
    'bulk.fileCodesTaken': error<{ codes: readonly string[] }>('conflict'),
    'bulk.alreadyUndone': error<{ at: string; by: string }>('conflict'),
    'bulk.undoStale': error<{ count: number; labels: readonly string[] }>('conflict'),
    'structure.fondsRemoved': error<{ code: string }>('conflict'),
    'structure.fondsNotRemoved': error<{ code: string }>('conflict'),
    'structure.fondsNotEmpty': error<{ code: string; files: number; documents: number }>('conflict'),
    'structure.organizationRemoved': error<{ name: string }>('conflict'),
    'structure.organizationNotRemoved': error<{ name: string }>('conflict'),
    'structure.organizationInUse': error<{ name: string; fonds: number; children: number; batches: number }>('conflict'),
    'structure.noSuccession': error<{ from: string; to: string }>('not_found'),
    'handover.batchRemoveNotDraft': error<{ code: string }>('conflict'),
    'field.chooseFondsOrFile': error('invalid_input'),
    'field.noFieldChosen': error('invalid_input'),
  },
  vi: {
    'bulk.targetFileRemoved': (p) => `Hồ sơ “${p.code}” đã được gỡ bỏ: hãy khôi phục trước khi đưa văn bản vào.`,
    'bulk.fileInHandover': (p) => `Hồ sơ “${p.code}” đã nằm trong đợt bàn giao ${p.batch} (đã lập danh mục): không thay đổi văn bản của nó được.`,
    'bulk.batchNotDraft': (p) => `Đợt bàn giao ${p.code} không còn là dự thảo: chỉ thêm hồ sơ khi đợt còn là dự thảo (hãy mở lại đợt trước).`,
    'bulk.batchIncoming': (p) => `Đợt ${p.code} được tiếp nhận từ nơi khác: không thêm hồ sơ được.`,
    'bulk.changedWhilePlanning': (p) => `“${p.label}” vừa được người khác sửa trong lúc thực hiện: hãy thực hiện lại thao tác.`,
    'bulk.fileCodesTaken': (p) => `Số hồ sơ ${p.codes.join(', ')} đã được dùng cho hồ sơ khác của phông (không có trong danh sách đánh số).`,
    'bulk.alreadyUndone': (p) => `Thao tác này đã được hoàn tác (${p.at}, ${p.by}).`,
    'bulk.undoStale': (p) => `Không hoàn tác được: ${p.count} bản ghi đã thay đổi sau thao tác này (${p.labels.join(', ')}${p.count > p.labels.length ? '…' : ''}). Không có gì bị thay đổi.`,
    'structure.fondsRemoved': (p) => `Phông “${p.code}” đã được gỡ bỏ trước đó.`,
    'structure.fondsNotRemoved': (p) => `Phông “${p.code}” không ở trạng thái gỡ bỏ.`,
    'structure.fondsNotEmpty': (p) => `Phông “${p.code}” còn ${p.files} hồ sơ và ${p.documents} văn bản: hãy chuyển hoặc gỡ bỏ chúng trước.`,
    'structure.organizationRemoved': (p) => `Đơn vị “${p.name}” đang bị gỡ bỏ: hãy khôi phục đơn vị trước.`,
    'structure.organizationNotRemoved': (p) => `Đơn vị “${p.name}” không ở trạng thái gỡ bỏ.`,
    'structure.organizationInUse': (p) =>
      `Đơn vị “${p.name}” còn ${[p.fonds > 0 ? `${p.fonds} phông` : '', p.children > 0 ? `${p.children} đơn vị trực thuộc` : '', p.batches > 0 ? `${p.batches} đợt bàn giao` : ''].filter(Boolean).join(', ')}: không gỡ bỏ được.`,
    'structure.noSuccession': (p) => `Không có quan hệ kế thừa từ “${p.from}” sang “${p.to}”.`,
    'handover.batchRemoveNotDraft': (p) => `Chỉ xóa được đợt bàn giao còn là dự thảo; đợt ${p.code} đã sang bước sau (hãy mở lại đợt trước).`,
    'field.chooseFondsOrFile': () => 'chọn một phông hoặc một hồ sơ',
    'field.noFieldChosen': () => 'chưa chọn trường nào để đặt',
  },
  en: {
    'bulk.targetFileRemoved': (p) => `File “${p.code}” is removed: restore it before moving documents into it.`,
    'bulk.fileInHandover': (p) => `File “${p.code}” is in handover batch ${p.batch} (listed): its documents cannot change.`,
    'bulk.batchNotDraft': (p) => `Handover batch ${p.code} is no longer a draft: files are added only to a draft (reopen it first).`,
    'bulk.batchIncoming': (p) => `Batch ${p.code} was received from elsewhere: no files can be added to it.`,
    'bulk.changedWhilePlanning': (p) => `“${p.label}” was just edited by someone else: do the action again.`,
    'bulk.fileCodesTaken': (p) => `File numbers ${p.codes.join(', ')} belong to other files of the fonds (not in the list being numbered).`,
    'bulk.alreadyUndone': (p) => `This action was undone already (${p.at}, ${p.by}).`,
    'bulk.undoStale': (p) => `Cannot undo: ${p.count} records changed after this action (${p.labels.join(', ')}${p.count > p.labels.length ? '…' : ''}). Nothing was changed.`,
    'structure.fondsRemoved': (p) => `Fonds “${p.code}” was removed already.`,
    'structure.fondsNotRemoved': (p) => `Fonds “${p.code}” is not removed.`,
    'structure.fondsNotEmpty': (p) => `Fonds “${p.code}” still holds ${p.files} files and ${p.documents} documents: move or remove them first.`,
    'structure.organizationRemoved': (p) => `Body “${p.name}” is removed: restore it first.`,
    'structure.organizationNotRemoved': (p) => `Body “${p.name}” is not removed.`,
    'structure.organizationInUse': (p) =>
      `Body “${p.name}” still has ${[p.fonds > 0 ? `${p.fonds} fonds` : '', p.children > 0 ? `${p.children} bodies under it` : '', p.batches > 0 ? `${p.batches} handover batches` : ''].filter(Boolean).join(', ')}: it cannot be removed.`,
    'structure.noSuccession': (p) => `There is no lineage link from “${p.from}” to “${p.to}”.`,
    'handover.batchRemoveNotDraft': (p) => `Only a draft handover batch can be removed; batch ${p.code} is past that step (reopen it first).`,
    'field.chooseFondsOrFile': () => 'choose a fonds or a file',
    'field.noFieldChosen': () => 'no field chosen to set',
  },
});
