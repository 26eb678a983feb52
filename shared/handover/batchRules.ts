/**
 * The life of a handover batch (đợt bàn giao): draft → listed → packed → handed over → received,
 * and what must hold before each step. The files of a batch follow it (`files.handover_status`).
 */
import type { HandoverStatus } from '../contract/types';
import type { BatchBlocker, BatchStatus } from '../contract/types/handover';

export const OUTGOING_STEPS: readonly BatchStatus[] = ['draft', 'listed', 'packed', 'handed_over', 'received'];

/** The handover status a file takes while its batch is in a given state. */
export const FILE_STATUS_OF_BATCH: Record<BatchStatus, HandoverStatus> = {
  draft: 'not_started',
  listed: 'listed',
  packed: 'packed',
  handed_over: 'handed_over',
  receiving: 'received',
  received: 'received',
};

/** Files may be added or removed only while the batch is a draft. */
export function canEditContents(status: BatchStatus): boolean {
  return status === 'draft';
}

/** The parties and the legal basis may be corrected until the minutes are signed (handed over). */
export function canEditParticulars(status: BatchStatus): boolean {
  return status === 'draft' || status === 'listed' || status === 'packed';
}

/** A listed or packed batch may go back to draft (to fix a file); once handed over it may not. */
export function canReopen(status: BatchStatus): boolean {
  return status === 'listed' || status === 'packed';
}

/** What the service knows about a batch when it asks whether a step may be taken. */
export interface BatchFacts {
  status: BatchStatus;
  direction: 'outgoing' | 'incoming';
  fileCount: number;
  /** Files missing retention, title or dates. */
  problemCount: number;
  filesWithoutBox: number;
  unconfirmedSecrets: number;
  secretDocuments: number;
  /** Whether secret content may go into exports and packages now (unlocked for export). */
  secretsVisible: boolean;
  hasRecipient: boolean;
  hasPackage: boolean;
  changedSincePacked: number;
  handoverDate: string | null;
  senderRepresentative: string | null;
  senderPosition: string | null;
  receiverRepresentative: string | null;
  receiverPosition: string | null;
}

function blank(v: string | null): boolean {
  return v === null || v.trim() === '';
}

/** Why `target` cannot be reached from the batch's state; empty when it can. */
export function blockersFor(target: BatchStatus, f: BatchFacts): BatchBlocker[] {
  const out: BatchBlocker[] = [];
  const expectedFrom: Partial<Record<BatchStatus, BatchStatus[]>> = {
    listed: ['draft'],
    // A packed batch may be packed again (after a lost or damaged package).
    packed: ['listed', 'packed'],
    handed_over: ['packed'],
    received: ['handed_over'],
  };
  if (f.direction !== 'outgoing') {
    return [{ code: 'incoming', message: 'Đợt này là đợt tiếp nhận từ nơi khác: không thể chuyển bước.' }];
  }
  const from = expectedFrom[target];
  if (!from || !from.includes(f.status)) {
    out.push({ code: 'wrong_step', message: `Không thể chuyển từ bước “${STATUS_LABEL_VI[f.status]}” sang “${STATUS_LABEL_VI[target]}”.` });
    return out;
  }
  if (target === 'listed') {
    if (f.fileCount === 0) out.push({ code: 'empty', message: 'Đợt bàn giao chưa có hồ sơ nào.' });
    if (f.problemCount > 0) {
      out.push({ code: 'file_problems', message: `${f.problemCount} hồ sơ còn thiếu thời hạn bảo quản, tiêu đề hoặc thời gian: hãy bổ sung trước khi lập danh mục.` });
    }
    if (f.unconfirmedSecrets > 0) {
      out.push({ code: 'secrets_unconfirmed', message: `${f.unconfirmedSecrets} văn bản mật chưa được xác nhận đưa vào đợt bàn giao.` });
    }
    if (!f.hasRecipient) out.push({ code: 'no_recipient', message: 'Chưa chọn bên nhận (đơn vị kế thừa hoặc Kho lưu trữ Tỉnh ủy).' });
  }
  if (target === 'packed') {
    if (f.filesWithoutBox > 0) out.push({ code: 'no_box', message: `${f.filesWithoutBox} hồ sơ chưa được xếp vào hộp (chưa có số hộp).` });
    if (f.unconfirmedSecrets > 0) {
      out.push({ code: 'secrets_unconfirmed', message: `${f.unconfirmedSecrets} văn bản mật chưa được xác nhận đưa vào đợt bàn giao.` });
    }
    if (f.secretDocuments > 0 && !f.secretsVisible) {
      out.push({
        code: 'secrets_hidden',
        message:
          'Đợt có văn bản mật nhưng tài liệu mật chưa được mở khóa để xuất (mục “An toàn dữ liệu”, có ghi lý do): chưa thể đóng gói, vì gói không bao giờ được bỏ sót tài liệu mà không báo.',
      });
    }
  }
  if (target === 'handed_over') {
    if (!f.hasPackage) out.push({ code: 'no_package', message: 'Chưa đóng gói đợt bàn giao.' });
    if (f.changedSincePacked > 0) {
      out.push({ code: 'changed_since_packed', message: `${f.changedSincePacked} hồ sơ/văn bản đã thay đổi sau khi đóng gói: hãy đóng gói lại.` });
    }
    if (!f.handoverDate) out.push({ code: 'no_date', message: 'Chưa nhập ngày bàn giao.' });
    if (blank(f.senderRepresentative) || blank(f.senderPosition)) out.push({ code: 'no_sender', message: 'Chưa nhập người đại diện và chức vụ của bên giao.' });
    if (blank(f.receiverRepresentative) || blank(f.receiverPosition)) out.push({ code: 'no_receiver', message: 'Chưa nhập người đại diện và chức vụ của bên nhận.' });
  }
  return out;
}

export const STATUS_LABEL_VI: Record<BatchStatus, string> = {
  draft: 'Dự thảo',
  listed: 'Đã lập danh mục',
  packed: 'Đã đóng gói',
  handed_over: 'Đã bàn giao',
  receiving: 'Đang tiếp nhận',
  received: 'Đã tiếp nhận',
};
