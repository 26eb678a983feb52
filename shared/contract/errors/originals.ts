/**
 * Errors of showing or saving an original (bản gốc) beside its record: moved out by a destruction
 * decision, missing or changed on disk, too large to show, a Word file that cannot be previewed,
 * and a secret original saved without an unlock for export.
 */
import { defineErrors, error } from './define';

export const originalErrors = defineErrors({
  codes: {
    'original.movedOut': error<{ fileName: string; to: string }>('not_found'),
    /** The catalogue's stored path leads outside the originals folder: a bug or a tampered row. */
    'original.pathOutsideStore': error<{ fileName: string }>('internal'),
    'original.missing': error<{ fileName: string }>('not_found'),
    'original.tooLargeToView': error<{ fileName: string; mb: number; maxMb: number }>('invalid_input'),
    /** Its SHA-256 is not the one recorded at import. */
    'original.changed': error<{ fileName: string }>('unreadable_file'),
    'original.secretSave': error('hidden'),
    /** `detail`: what the Word reader said, for the logs and the English interface. */
    'original.wordUnpackFailed': error<{ fileName: string; detail: string }>('unreadable_file'),
    'original.wordUnreadable': error<{ fileName: string; detail: string }>('unreadable_file'),
  },
  vi: {
    'original.movedOut': (p) => `Tệp gốc “${p.fileName}” đã được chuyển ra khỏi kho theo quyết định tiêu hủy (đến: ${p.to}).`,
    'original.pathOutsideStore': (p) => `Đường dẫn lưu tệp gốc “${p.fileName}” không hợp lệ.`,
    'original.missing': (p) =>
      `Không tìm thấy tệp gốc “${p.fileName}” trong thư mục lưu bản gốc. Hãy chạy “Kiểm tra” (mục An toàn dữ liệu) hoặc khôi phục từ bản sao lưu.`,
    'original.tooLargeToView': (p) => `Tệp gốc “${p.fileName}” quá lớn để xem trong ứng dụng (${p.mb} MB, tối đa ${p.maxMb} MB).`,
    'original.changed': (p) => `Tệp gốc “${p.fileName}” đã bị thay đổi hoặc hỏng (SHA-256 không khớp với lúc nhập). Hãy khôi phục từ bản sao lưu.`,
    'original.secretSave': () =>
      'Đây là bản gốc của tài liệu mật: chỉ được lưu bản sao ra ngoài khi đã mở khóa tài liệu mật để xuất (mục “An toàn dữ liệu”, có ghi lý do).',
    'original.wordUnpackFailed': (p) => `Không hiển thị được “${p.fileName}”: tệp Word bị hỏng hoặc quá lớn khi giải nén.`,
    'original.wordUnreadable': (p) => `Không hiển thị được “${p.fileName}”: tệp Word bị hỏng.`,
  },
  en: {
    'original.movedOut': (p) => `The original “${p.fileName}” was moved out of the store by a destruction decision (to: ${p.to}).`,
    'original.pathOutsideStore': (p) => `The stored path of the original “${p.fileName}” is not valid.`,
    'original.missing': (p) => `The original “${p.fileName}” is not in the originals folder. Run “Check” (under Data safety) or restore from a backup.`,
    'original.tooLargeToView': (p) => `The original “${p.fileName}” is too large to view in the app (${p.mb} MB, at most ${p.maxMb} MB).`,
    'original.changed': (p) => `The original “${p.fileName}” was changed or damaged (its SHA-256 differs from the one at import). Restore it from a backup.`,
    'original.secretSave': () => 'This is the original of a secret document: a copy may leave the app only once secret documents are unlocked for export (under “Data safety”, with a reason).',
    'original.wordUnpackFailed': (p) => `Cannot show “${p.fileName}”: the Word file is damaged or too large once unpacked (${p.detail}).`,
    'original.wordUnreadable': (p) => `Cannot show “${p.fileName}”: the Word file is damaged (${p.detail}).`,
  },
});
