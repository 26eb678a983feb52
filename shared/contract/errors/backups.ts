/**
 * What checking a backup finds wrong with it, and what restoring one will do that the archivist
 * should know first: worded in Vietnamese and English for the interface (the command line prints
 * the Vietnamese).
 */
import { defineErrors, error, type NestedMessage } from './define';

type Stored = { storedPath: string };

export const backupErrors = defineErrors({
  codes: {
    'backupCheck.copyMissing': error('not_found'),
    'backupCheck.copyChanged': error<{ actual: string; listed: string }>('conflict'),
    'backupCheck.copyNotAsLogged': error<{ recorded: string }>('conflict'),
    'backupCheck.integrity': error<{ detail: string }>('conflict'),
    'backupCheck.chainBroken': error<{ row: number | null }>('conflict'),
    'backupCheck.originalMissing': error<Stored>('not_found'),
    'backupCheck.originalChanged': error<Stored & { shared: readonly string[] }>('conflict'),
    /** `cause`: why the copy could not be opened (a `job.detail` or the error's own code). */
    'backupCheck.cannotOpen': error<{ cause: readonly NestedMessage[] }>('locked'),
    'backupCheck.copyUnreadable': error<{ detail: string }>('unreadable_file'),
    'backupCheck.newerSchema': error<{ version: number }>('conflict'),
    'backupCheck.olderSchema': error<{ version: number; current: number }>('conflict'),
    'backupCheck.catalogueOnly': error('conflict'),
    'backupCheck.originalsNotBackedUp': error<{ count: number }>('conflict'),
    'backupCheck.changesUndone': error<{ count: number }>('conflict'),
    /** A line of a backup's check that names a secret original, for a caller who may not see it. */
    'backupCheck.secretOriginal': error('hidden'),
    // Originals that could not be put into a backup (its manifest keeps them) or back from one.
    'backupOriginal.badPath': error<Stored>('invalid_input'),
    'backupOriginal.missing': error<Stored>('not_found'),
    'backupOriginal.changed': error<Stored>('conflict'),
    'backupOriginal.copyFailed': error<Stored & { detail: string }>('internal'),
    'restoreOriginal.missing': error<Stored>('not_found'),
    'restoreOriginal.damaged': error<Stored>('conflict'),
  },
  vi: {
    'backupCheck.copyMissing': () => 'Thiếu tệp danh mục trong bản sao lưu.',
    'backupCheck.copyChanged': (p) => `Tệp danh mục đã bị thay đổi sau khi sao lưu (SHA-256 ${p.actual}… ≠ ${p.listed}… trong bản kê).`,
    'backupCheck.copyNotAsLogged': (p) => `SHA-256 của tệp danh mục không khớp với nhật ký lúc sao lưu (${p.recorded}…).`,
    'backupCheck.integrity': (p) => `Kiểm tra toàn vẹn SQLite báo lỗi: ${p.detail}`,
    'backupCheck.chainBroken': (p) => `Chuỗi nhật ký trong bản sao lưu bị đứt tại dòng ${p.row}.`,
    'backupCheck.originalMissing': (p) => `Thiếu bản gốc trong bản sao lưu: ${p.storedPath}`,
    'backupCheck.originalChanged': (p) =>
      `Bản gốc trong bản sao lưu đã bị thay đổi: ${p.storedPath}${p.shared.length > 0 ? ` — cùng một tệp (liên kết cứng) với ${p.shared.length} bản sao lưu khác, hỏng theo: ${p.shared.join(', ')}` : ''}`,
    'backupCheck.cannotOpen': (p) => `Không mở được bản sao lưu: ${p.cause.join(' ')}`,
    'backupCheck.copyUnreadable': (p) => `Không đọc được tệp danh mục trong bản sao lưu (đã hỏng): ${p.detail}`,
    'backupCheck.newerSchema': (p) => `Bản sao lưu do phiên bản mới hơn tạo (lược đồ ${p.version}): không khôi phục được bằng bản này.`,
    'backupCheck.olderSchema': (p) => `Bản sao lưu theo lược đồ cũ (${p.version}); sau khi khôi phục sẽ được nâng cấp lên ${p.current}.`,
    'backupCheck.catalogueOnly': () => 'Bản sao lưu này chỉ có danh mục (không kèm bản gốc): bản gốc hiện có được giữ nguyên.',
    'backupCheck.originalsNotBackedUp': (p) => `Khi sao lưu có ${p.count} bản gốc không sao lưu được.`,
    'backupCheck.changesUndone': (p) => `${p.count} thay đổi ghi sau thời điểm sao lưu sẽ bị hoàn tác (trạng thái hiện tại được sao lưu trước khi khôi phục).`,
    'backupCheck.secretOriginal': () => 'Một bản gốc của tài liệu mật có vấn đề (mở khóa tài liệu mật để xem).',
    'backupOriginal.badPath': (p) => `Đường dẫn bản gốc không hợp lệ: ${p.storedPath}`,
    'backupOriginal.missing': (p) => `Thiếu bản gốc trong thư mục quản lý: ${p.storedPath}`,
    'backupOriginal.changed': (p) => `Bản gốc đã bị thay đổi (SHA-256 không khớp), không sao lưu bản hỏng: ${p.storedPath}`,
    'backupOriginal.copyFailed': (p) => `Không sao chép được bản gốc ${p.storedPath}: ${p.detail}`,
    'restoreOriginal.missing': (p) => `Bản sao lưu không có bản gốc ${p.storedPath}`,
    'restoreOriginal.damaged': (p) => `Bản gốc ${p.storedPath} trong bản sao lưu đã hỏng`,
  },
  en: {
    'backupCheck.copyMissing': () => 'The catalogue file is missing from the backup.',
    'backupCheck.copyChanged': (p) => `The catalogue file was changed after the backup (SHA-256 ${p.actual}… ≠ ${p.listed}… in the manifest).`,
    'backupCheck.copyNotAsLogged': (p) => `The catalogue file's SHA-256 does not match the audit log at backup time (${p.recorded}…).`,
    'backupCheck.integrity': (p) => `SQLite's integrity check reports errors: ${p.detail}`,
    'backupCheck.chainBroken': (p) => `The audit chain in the backup is broken at row ${p.row}.`,
    'backupCheck.originalMissing': (p) => `An original is missing from the backup: ${p.storedPath}`,
    'backupCheck.originalChanged': (p) =>
      `An original in the backup was changed: ${p.storedPath}${p.shared.length > 0 ? ` — the same file (hard link) as in ${p.shared.length} other backups, damaged with it: ${p.shared.join(', ')}` : ''}`,
    'backupCheck.cannotOpen': (p) => `Cannot open the backup: ${p.cause.join(' ')}`,
    'backupCheck.copyUnreadable': (p) => `Cannot read the catalogue file in the backup (damaged): ${p.detail}`,
    'backupCheck.newerSchema': (p) => `The backup was made by a newer version (schema ${p.version}): this version cannot restore it.`,
    'backupCheck.olderSchema': (p) => `The backup follows an older schema (${p.version}); after the restore it is upgraded to ${p.current}.`,
    'backupCheck.catalogueOnly': () => 'This backup holds the catalogue only (no originals): the originals in place are kept.',
    'backupCheck.originalsNotBackedUp': (p) => `${p.count} originals could not be backed up when the backup was made.`,
    'backupCheck.changesUndone': (p) => `${p.count} changes recorded after the backup will be taken back (the current state is backed up before the restore).`,
    'backupCheck.secretOriginal': () => 'An original of a secret document has a problem (unlock secret documents to see it).',
    'backupOriginal.badPath': (p) => `Invalid path of an original: ${p.storedPath}`,
    'backupOriginal.missing': (p) => `An original is missing from the managed folder: ${p.storedPath}`,
    'backupOriginal.changed': (p) => `An original was changed (its SHA-256 does not match); the damaged file was not backed up: ${p.storedPath}`,
    'backupOriginal.copyFailed': (p) => `Could not copy the original ${p.storedPath}: ${p.detail}`,
    'restoreOriginal.missing': (p) => `The backup does not hold the original ${p.storedPath}`,
    'restoreOriginal.damaged': (p) => `The original ${p.storedPath} in the backup is damaged`,
  },
});
