/**
 * Errors of the command line (`npm run cli`): arguments it cannot use, and a packaging or checking
 * job that ended without the result the command prints. Options keep their English spelling in
 * both languages (`--fonds`), as typed.
 */
import { defineErrors, error } from './define';

/** `a, b hoặc c` / `a, b or c`. */
function either(items: readonly string[], or: string): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}`;
}

export const cliErrors = defineErrors({
  codes: {
    'cli.unknownCommand': error<{ command: string }>('invalid_input'),
    'cli.unknownSubcommand': error<{ command: string; sub: string }>('invalid_input'),
    'cli.usage': error<{ usage: string }>('invalid_input'),
    'cli.missingOption': error<{ option: string; label: string }>('invalid_input'),
    /** An option given a value outside its list (`--format xml`). */
    'cli.optionNotAllowed': error<{ option: string; allowed: readonly string[]; value: string }>('invalid_input'),
    'cli.optionNeedsDate': error<{ option: string; value: string }>('invalid_input'),
    'cli.optionNeedsCount': error<{ option: string; value: string }>('invalid_input'),
    'cli.sortNotAllowed': error<{ allowed: readonly string[]; value: string }>('invalid_input'),
    'cli.unknownDocType': error<{ value: string }>('invalid_input'),
    'cli.badId': error<{ value: string | null }>('invalid_input'),
    'cli.documentOrFile': error('invalid_input'),
    'cli.badRunNumber': error<{ value: string }>('invalid_input'),
    'cli.noImportPaths': error('invalid_input'),
    'cli.fondsCodeUnknown': error<{ code: string }>('not_found'),
    /** The catalogue has several fonds and the command cannot tell which one is meant. */
    'cli.chooseFonds': error<{ count: number; codes: readonly string[] }>('invalid_input'),
    'cli.fileCodeUnknown': error<{ fonds: string; file: string }>('not_found'),
    'cli.notAFile': error<{ path: string }>('invalid_input'),
    'cli.backupIdMissing': error('invalid_input'),
    'cli.batchMissing': error('invalid_input'),
    'cli.batchUnknown': error<{ ref: string; codes: readonly string[] }>('not_found'),
    /** The job's own message (Vietnamese) when it gave one. */
    'cli.packagingFailed': error<{ detail: string | null }>('internal'),
    'cli.noPackageResult': error('internal'),
    'cli.packageNotChecked': error<{ detail: string | null }>('internal'),
    'cli.passphraseFileUnreadable': error<{ path: string }>('not_found'),
    'cli.passphraseFileEmpty': error<{ path: string }>('invalid_input'),
    /** An encrypted catalogue, no passphrase file, and no terminal to ask on. */
    'cli.passphraseNeeded': error('locked'),
    'cli.cancelled': error('cancelled'),
  },
  vi: {
    'cli.unknownCommand': (p) => `Lệnh không tồn tại: ${p.command}`,
    'cli.unknownSubcommand': (p) => `Lệnh con không tồn tại: ${p.command} ${p.sub}`,
    'cli.usage': (p) => `Dùng: ${p.usage}`,
    'cli.missingOption': (p) => `Thiếu --${p.option} (${p.label}).`,
    'cli.optionNotAllowed': (p) => `--${p.option} phải là ${either(p.allowed, 'hoặc')} (không phải “${p.value}”).`,
    'cli.optionNeedsDate': (p) => `--${p.option} cần một ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2025-05-14 (đã nhập “${p.value}”).`,
    'cli.optionNeedsCount': (p) => `--${p.option} cần một số nguyên không âm (đã nhập “${p.value}”).`,
    'cli.sortNotAllowed': (p) => `--sort nhận: ${p.allowed.join(', ')} (đã nhập “${p.value}”).`,
    'cli.unknownDocType': (p) => `Không rõ tên loại “${p.value}” (ví dụ: KL, NQ, CV hoặc “KẾT LUẬN”).`,
    'cli.badId': (p) => `Mã không hợp lệ: ${p.value ?? '(thiếu)'}`,
    'cli.documentOrFile': () => 'Hãy ghi “document” hoặc “file”.',
    'cli.badRunNumber': (p) => `Số lần nhập không hợp lệ: “${p.value}”.`,
    'cli.noImportPaths': () => 'Hãy chỉ ra tệp hoặc thư mục cần nhập.',
    'cli.fondsCodeUnknown': (p) => `Không có phông mã “${p.code}”.`,
    'cli.chooseFonds': (p) => `Danh mục có ${p.count} phông: hãy chọn một bằng --fonds MÃ (${p.codes.join(', ')}).`,
    'cli.fileCodeUnknown': (p) => `Phông ${p.fonds} không có hồ sơ số “${p.file}”.`,
    'cli.notAFile': (p) => `“${p.path}” không phải là một tệp.`,
    'cli.backupIdMissing': () => 'Hãy cho biết mã bản sao lưu.',
    'cli.batchMissing': () => 'Hãy chỉ ra đợt bàn giao (số biên bản hoặc mã đợt).',
    'cli.batchUnknown': (p) => `Không có đợt bàn giao “${p.ref}” (có: ${p.codes.join(', ') || 'chưa có đợt nào'}).`,
    'cli.packagingFailed': (p) => `${p.detail ?? 'Đóng gói thất bại.'}`,
    'cli.noPackageResult': () => 'Không có kết quả đóng gói.',
    'cli.packageNotChecked': (p) => `${p.detail ?? 'Không kiểm tra được gói.'}`,
    'cli.passphraseFileUnreadable': (p) => `Không đọc được tệp mật khẩu “${p.path}”.`,
    'cli.passphraseFileEmpty': (p) => `Tệp mật khẩu “${p.path}” trống.`,
    'cli.passphraseNeeded': () => 'Danh mục được mã hóa: hãy dùng --passphrase-file TỆP.',
    'cli.cancelled': () => 'Đã hủy.',
  },
  en: {
    'cli.unknownCommand': (p) => `Unknown command: ${p.command}`,
    'cli.unknownSubcommand': (p) => `Unknown subcommand: ${p.command} ${p.sub}`,
    'cli.usage': (p) => `Usage: ${p.usage}`,
    'cli.missingOption': (p) => `Missing --${p.option}.`,
    'cli.optionNotAllowed': (p) => `--${p.option} must be ${either(p.allowed, 'or')} (not “${p.value}”).`,
    'cli.optionNeedsDate': (p) => `--${p.option} needs a date written YEAR-MONTH-DAY, e.g. 2025-05-14 (got “${p.value}”).`,
    'cli.optionNeedsCount': (p) => `--${p.option} needs a whole number, zero or more (got “${p.value}”).`,
    'cli.sortNotAllowed': (p) => `--sort takes: ${p.allowed.join(', ')} (got “${p.value}”).`,
    'cli.unknownDocType': (p) => `Unknown document type “${p.value}” (for example KL, NQ or CV, or the type's full name).`,
    'cli.badId': (p) => `Not a valid id: ${p.value ?? '(missing)'}`,
    'cli.documentOrFile': () => 'Write “document” or “file”.',
    'cli.badRunNumber': (p) => `Not a valid import run number: “${p.value}”.`,
    'cli.noImportPaths': () => 'Name the files or folders to import.',
    'cli.fondsCodeUnknown': (p) => `No fonds has the code “${p.code}”.`,
    'cli.chooseFonds': (p) => `The catalogue has ${p.count} fonds: choose one with --fonds CODE (${p.codes.join(', ')}).`,
    'cli.fileCodeUnknown': (p) => `Fonds ${p.fonds} has no file numbered “${p.file}”.`,
    'cli.notAFile': (p) => `“${p.path}” is not a file.`,
    'cli.backupIdMissing': () => 'Give the backup’s id.',
    'cli.batchMissing': () => 'Name the handover batch (its record number or code).',
    'cli.batchUnknown': (p) => `No handover batch “${p.ref}” (there are: ${p.codes.join(', ') || 'none yet'}).`,
    'cli.packagingFailed': () => 'Packaging failed.',
    'cli.noPackageResult': () => 'Packaging gave no result.',
    'cli.packageNotChecked': () => 'The package could not be checked.',
    'cli.passphraseFileUnreadable': (p) => `Cannot read the passphrase file “${p.path}”.`,
    'cli.passphraseFileEmpty': (p) => `The passphrase file “${p.path}” is empty.`,
    'cli.passphraseNeeded': () => 'The catalogue is encrypted: use --passphrase-file FILE.',
    'cli.cancelled': () => 'Cancelled.',
  },
});
