/**
 * Errors of importing documents and registers (sổ đăng ký văn bản): what is imported into where,
 * files refused before they are read (format, size) or stopped while read (time and memory
 * budgets), runs that cannot be resumed, and the bundled sample documents.
 */
import { defineErrors, error } from './define';

const READ_STOPPED_VI = 'tệp có thể bị hỏng hoặc được tạo để làm treo chương trình. Tệp chưa được nhập.';
const READ_STOPPED_EN = 'the file may be damaged or made to hang the program. It was not imported.';

export const importErrors = defineErrors({
  codes: {
    'import.pathsNotFound': error<{ paths: readonly string[] }>('not_found'),
    'import.fileNotFound': error<{ path: string }>('not_found'),
    'import.fondsMissing': error<{ fondsId: number }>('not_found'),
    'import.fileOfOtherFonds': error('conflict'),
    'import.runRunning': error<{ runId: number }>('conflict'),
    /** Files sent from the interface are not kept apart from the catalogue: the run cannot walk them again. */
    'import.runUploaded': error<{ runId: number }>('conflict'),
    'import.runComplete': error<{ runId: number }>('conflict'),
    'import.unsupportedFormat': error<{ ext: string; fileName: string; supported: readonly string[] }>('unsupported_file'),
    /** Sizes in MB, rounded where they are thrown. */
    'import.fileTooLarge': error<{ fileName: string; mb: string | number; maxMb: number }>('unreadable_file'),
    'import.overTime': error<{ fileName: string; seconds: number }>('unreadable_file'),
    'import.overMemory': error<{ fileName: string; mb: number }>('unreadable_file'),
    /** A reader thread died on the file (not a budget): the file is not imported, the run goes on. */
    'import.readerFailed': error<{ fileName: string; detail: string }>('unreadable_file'),
    /** A reading library threw; its own message is the detail. */
    'import.readFailed': error<{ fileName: string; detail: string }>('unreadable_file'),
    // A file of an import that could not be taken, as its report line says why.
    'import.pathMissing': error<{ path: string }>('not_found'),
    'import.symlinkSkipped': error<{ path: string }>('unsupported_file'),
    'import.notRegularFile': error<{ path: string }>('unsupported_file'),
    'import.folderUnreadable': error<{ path: string; detail: string }>('unreadable_file'),
    'import.unexpectedFile': error<{ fileName: string; detail: string }>('internal'),
    'import.notSaved': error<{ fileName: string; detail: string }>('internal'),
    'import.twinNotSaved': error('conflict'),
    'registers.rowHeld': error<{ numberSymbol: string; date: string; documentId: number }>('conflict'),

    'registers.sheetMissing': error<{ fileName: string; sheet: string }>('not_found'),
    'registers.unsupportedFormat': error<{ fileName: string; oldExcel: boolean }>('unsupported_file'),
    'registers.tooLarge': error<{ fileName: string; mb: string | number; maxMb: number }>('unreadable_file'),
    /** Row and column numbers count from 1, as the register shows them. */
    'registers.headerRowMissing': error<{ fileName: string; rows: number; headerRow: number }>('invalid_input'),
    'registers.headerRowOutOfRange': error<{ fileName: string; headerRow: number }>('invalid_input'),
    'registers.columnMissing': error<{ column: number; width: number }>('invalid_input'),
    'registers.alreadyImported': error<{ fileName: string; count: number }>('conflict'),
    'field.rowNotInTable': error('invalid_input'),
    'field.columnNotInRegister': error('invalid_input'),
    'field.chooseNumberOrSubject': error('invalid_input'),
    'field.noFilesChosen': error('invalid_input'),

    'samples.notInstalled': error('not_found'),
    /** A sample document failed to import; the import's own message is the detail. */
    'samples.failed': error<{ name: string; detail: string }>('internal'),
  },
  vi: {
    'import.pathsNotFound': (p) => `Không tìm thấy: ${p.paths.join(', ')}`,
    'import.fileNotFound': (p) => `Không tìm thấy tệp “${p.path}”.`,
    'import.fondsMissing': (p) => `Không tìm thấy phông (mã ${p.fondsId}) để nhập tài liệu vào.`,
    'import.fileOfOtherFonds': () => 'Hồ sơ này thuộc phông khác: tài liệu của các phông không được trộn lẫn.',
    'import.runRunning': (p) => `Lần nhập ${p.runId} đang chạy; hãy đợi nó xong hoặc hủy nó trước.`,
    'import.runUploaded': (p) =>
      `Lần nhập ${p.runId} gồm các tệp được gửi lên từ giao diện, không đọc lại được: hãy chọn lại các tệp để nhập (tệp đã nhập sẽ được bỏ qua vì trùng).`,
    'import.runComplete': (p) => `Lần nhập ${p.runId} đã hoàn tất, không có tệp lỗi để nhập lại.`,
    'import.unsupportedFormat': (p) => `Chưa hỗ trợ định dạng “${p.ext || 'không có đuôi'}” của “${p.fileName}” (hỗ trợ: ${p.supported.join(', ')}).`,
    'import.fileTooLarge': (p) => `Tệp “${p.fileName}” quá lớn (${p.mb} MB; tối đa ${p.maxMb} MB).`,
    'import.overTime': (p) => `Không đọc được “${p.fileName}”: đọc tệp quá lâu (quá ${p.seconds} giây) nên đã dừng; ${READ_STOPPED_VI}`,
    'import.overMemory': (p) => `Không đọc được “${p.fileName}”: đọc tệp cần quá nhiều bộ nhớ (hơn ${p.mb} MB) nên đã dừng; ${READ_STOPPED_VI}`,
    'import.readerFailed': (p) => `Bộ đọc gặp lỗi khi đọc “${p.fileName}”; tệp này chưa được nhập.`,
    'import.readFailed': (p) => `Không đọc được “${p.fileName}”: ${p.detail}`,
    'import.pathMissing': (p) => `Không tìm thấy “${p.path}”.`,
    'import.symlinkSkipped': (p) => `“${p.path}” là liên kết tượng trưng (symlink): không nhập, vì nó có thể trỏ ra ngoài thư mục đã chọn; hãy chép chính tệp vào thư mục.`,
    'import.notRegularFile': (p) => `“${p.path}” không phải tệp thường (ống dẫn, thiết bị…): không nhập.`,
    'import.folderUnreadable': (p) => `Không đọc được thư mục “${p.path}” (${p.detail}).`,
    'import.unexpectedFile': (p) => `Lỗi không xác định khi nhập “${p.fileName}”: ${p.detail}`,
    'import.notSaved': (p) => `Không lưu được “${p.fileName}” vào danh mục: ${p.detail}`,
    'import.twinNotSaved': () => 'Tệp có cùng nội dung với một tệp khác trong lần nhập này nhưng tệp đó chưa được lưu; hãy nhập lại.',
    'registers.rowHeld': (p) => `Văn bản ${p.numberSymbol} ngày ${p.date} đã có trong phông (văn bản mã ${p.documentId}).`,
    'registers.sheetMissing': (p) => `Bảng tính “${p.fileName}” không có trang “${p.sheet}”.`,
    'registers.unsupportedFormat': (p) =>
      `Sổ đăng ký “${p.fileName}” phải là tệp .xlsx hoặc .csv${p.oldExcel ? ' (tệp Excel cũ .xls: hãy mở bằng Excel/LibreOffice và lưu lại thành .xlsx)' : ''}.`,
    'registers.tooLarge': (p) => `Sổ đăng ký “${p.fileName}” quá lớn (${p.mb} MB; tối đa ${p.maxMb} MB).`,
    'registers.headerRowMissing': (p) => `Sổ “${p.fileName}” chỉ có ${p.rows} dòng: không có dòng tiêu đề số ${p.headerRow}.`,
    'registers.headerRowOutOfRange': (p) => `Sổ “${p.fileName}” không có dòng tiêu đề số ${p.headerRow}.`,
    'registers.columnMissing': (p) => `Cột số ${p.column} không có trong sổ (sổ có ${p.width} cột).`,
    'registers.alreadyImported': (p) => `Sổ “${p.fileName}” đã được nhập vào phông này (${p.count} văn bản); không nhập lại để tránh trùng.`,
    'field.rowNotInTable': () => 'Dòng không có trong bảng',
    'field.columnNotInRegister': () => 'Cột không có trong sổ',
    'field.chooseNumberOrSubject': () => 'Cần chọn ít nhất cột “Số, ký hiệu” hoặc cột “Trích yếu”',
    'field.noFilesChosen': () => 'Chưa chọn tệp nào để nhập',
    'samples.notInstalled': () => 'Bản cài đặt này không kèm tài liệu mẫu.',
    'samples.failed': (p) => `Không nạp được tài liệu mẫu “${p.name}”: ${p.detail}`,
  },
  en: {
    'import.pathsNotFound': (p) => `Not found: ${p.paths.join(', ')}`,
    'import.fileNotFound': (p) => `File not found: “${p.path}”.`,
    'import.fondsMissing': (p) => `The fonds to import into (id ${p.fondsId}) was not found.`,
    'import.fileOfOtherFonds': () => 'This file belongs to another fonds: records of different fonds are never mixed.',
    'import.runRunning': (p) => `Import run ${p.runId} is still running; wait for it to finish or cancel it first.`,
    'import.runUploaded': (p) =>
      `Import run ${p.runId} was made of files sent from the interface, which cannot be read again: choose the files again (those already imported are skipped as duplicates).`,
    'import.runComplete': (p) => `Import run ${p.runId} is complete, with no failed files to import again.`,
    'import.unsupportedFormat': (p) => `The format “${p.ext || 'no extension'}” of “${p.fileName}” is not supported (supported: ${p.supported.join(', ')}).`,
    'import.fileTooLarge': (p) => `The file “${p.fileName}” is too large (${p.mb} MB; at most ${p.maxMb} MB).`,
    'import.overTime': (p) => `Cannot read “${p.fileName}”: reading took too long (over ${p.seconds} s) and was stopped; ${READ_STOPPED_EN}`,
    'import.overMemory': (p) => `Cannot read “${p.fileName}”: reading needed too much memory (over ${p.mb} MB) and was stopped; ${READ_STOPPED_EN}`,
    'import.readerFailed': (p) => `The reader failed on “${p.fileName}” (${p.detail}); this file was not imported.`,
    'import.readFailed': (p) => `Cannot read “${p.fileName}”: ${p.detail}`,
    'import.pathMissing': (p) => `“${p.path}” was not found.`,
    'import.symlinkSkipped': (p) => `“${p.path}” is a symbolic link: not imported, since it may point outside the chosen folder; copy the file itself into the folder.`,
    'import.notRegularFile': (p) => `“${p.path}” is not a regular file (a pipe, a device…): not imported.`,
    'import.folderUnreadable': (p) => `Cannot read the folder “${p.path}” (${p.detail}).`,
    'import.unexpectedFile': (p) => `Unexpected error while importing “${p.fileName}”: ${p.detail}`,
    'import.notSaved': (p) => `Could not save “${p.fileName}” into the catalogue: ${p.detail}`,
    'import.twinNotSaved': () => 'The file has the same content as another file of this run, which was not saved; import it again.',
    'registers.rowHeld': (p) => `Document ${p.numberSymbol} of ${p.date} is already in the fonds (document id ${p.documentId}).`,
    'registers.sheetMissing': (p) => `The spreadsheet “${p.fileName}” has no sheet “${p.sheet}”.`,
    'registers.unsupportedFormat': (p) =>
      `The register “${p.fileName}” must be an .xlsx or .csv file${p.oldExcel ? ' (an old Excel .xls file: open it in Excel or LibreOffice and save it as .xlsx)' : ''}.`,
    'registers.tooLarge': (p) => `The register “${p.fileName}” is too large (${p.mb} MB; at most ${p.maxMb} MB).`,
    'registers.headerRowMissing': (p) => `The register “${p.fileName}” has only ${p.rows} rows: there is no heading row ${p.headerRow}.`,
    'registers.headerRowOutOfRange': (p) => `The register “${p.fileName}” has no heading row ${p.headerRow}.`,
    'registers.columnMissing': (p) => `Column ${p.column} is not in the register (it has ${p.width} columns).`,
    'registers.alreadyImported': (p) => `The register “${p.fileName}” was already imported into this fonds (${p.count} documents); it is not imported twice.`,
    'field.rowNotInTable': () => 'The row is not in the table',
    'field.columnNotInRegister': () => 'The column is not in the register',
    'field.chooseNumberOrSubject': () => 'Choose at least the number-symbol column or the subject column',
    'field.noFilesChosen': () => 'No files chosen to import',
    'samples.notInstalled': () => 'This installation comes without sample documents.',
    'samples.failed': (p) => `The sample document “${p.name}” could not be loaded: ${p.detail}`,
  },
});
