/**
 * What checking a handover package (BagIt, RFC 8493) finds wrong with it, and why receiving one is
 * refused: each problem a code with parameters, worded here in Vietnamese and English, so the
 * report reads in the interface's language (the command line prints the Vietnamese).
 */
import type { UnsafePathReason } from '../../handover/bagPaths';
import { defineErrors, error, type NestedMessage } from './define';

const UNSAFE = {
  vi: {
    empty: 'đường dẫn rỗng',
    absolute: 'đường dẫn tuyệt đối (bắt đầu bằng “/”)',
    drive: 'đường dẫn có ổ đĩa (C:…)',
    backslash: 'đường dẫn chứa dấu “\\”',
    parent: 'đường dẫn chứa “..” (thoát ra ngoài gói)',
    dot_segment: 'đường dẫn chứa đoạn “.”',
    empty_segment: 'đường dẫn chứa đoạn rỗng (“//”)',
    control_char: 'đường dẫn chứa ký tự điều khiển',
    outside_payload: 'tệp dữ liệu không nằm trong thư mục data/',
  },
  en: {
    empty: 'empty path',
    absolute: 'absolute path (starts with “/”)',
    drive: 'path with a drive letter (C:…)',
    backslash: 'path with a “\\”',
    parent: 'path with “..” (escapes the package)',
    dot_segment: 'path with a “.” segment',
    empty_segment: 'path with an empty segment (“//”)',
    control_char: 'path with a control character',
    outside_payload: 'data file outside the data/ folder',
  },
} satisfies Record<'vi' | 'en', Record<UnsafePathReason, string>>;

const DECLARATION = {
  vi: { bom: 'bagit.txt không được bắt đầu bằng BOM.', version: 'bagit.txt thiếu hoặc sai BagIt-Version.', encoding: 'bagit.txt phải khai báo Tag-File-Character-Encoding: UTF-8.' },
  en: { bom: 'bagit.txt must not start with a BOM.', version: 'bagit.txt lacks a valid BagIt-Version.', encoding: 'bagit.txt must declare Tag-File-Character-Encoding: UTF-8.' },
};

/** The records of a package's catalogue, and what points at them. */
type CatalogueRecord = 'organization' | 'fonds' | 'fileList' | 'file' | 'document' | 'attachment';
type CatalogueOwner = CatalogueRecord | 'batch' | 'succession' | 'secretConfirmation';
const RECORDS = {
  vi: { organization: 'tổ chức', fonds: 'phông', fileList: 'mục lục', file: 'hồ sơ', document: 'văn bản', attachment: 'bản gốc' },
  en: { organization: 'organization', fonds: 'fonds', fileList: 'file list', file: 'file', document: 'document', attachment: 'original' },
} satisfies Record<'vi' | 'en', Record<CatalogueRecord, string>>;
const OWNERS = {
  vi: { batch: 'Đợt bàn giao', succession: 'Quan hệ kế thừa', secretConfirmation: 'Xác nhận tài liệu mật', organization: 'Tổ chức', fonds: 'Phông', fileList: 'Mục lục', file: 'Hồ sơ', document: 'Văn bản', attachment: 'Bản gốc' },
  en: { batch: 'The handover batch', succession: 'A succession', secretConfirmation: 'A secret-document confirmation', organization: 'Organization', fonds: 'Fonds', fileList: 'File list', file: 'File', document: 'Document', attachment: 'Original' },
} satisfies Record<'vi' | 'en', Record<CatalogueOwner, string>>;
const record = (lang: 'vi' | 'en', r: string) => (RECORDS[lang] as Record<string, string>)[r] ?? String(r);
const owner = (lang: 'vi' | 'en', p: { owner: string; ownerKey: string | null }) =>
  `${(OWNERS[lang] as Record<string, string>)[p.owner] ?? String(p.owner)}${p.ownerKey !== null ? ` ${p.ownerKey}` : ''}`;
type Dangling = { owner: CatalogueOwner; ownerKey: string | null; record: CatalogueRecord; key: string };

type Path = { path: string };
type Line = { file: string; line: number };
const reason = (lang: 'vi' | 'en', r: string) => (UNSAFE[lang] as Record<string, string>)[r] ?? String(r);
const declaration = (lang: 'vi' | 'en', r: string) => (DECLARATION[lang] as Record<string, string>)[r] ?? String(r);

export const packageErrors = defineErrors({
  codes: {
    'package.unsafePath': error<Path & { reason: UnsafePathReason }>('invalid_input'),
    'package.symlink': error<Path>('invalid_input'),
    'package.duplicateZipEntry': error<Path>('invalid_input'),
    'package.outsideBag': error<Path>('invalid_input'),
    'package.zipBomb': error<Path & { size: number; ratio: number }>('unreadable_file'),
    'package.unreadableEntry': error<Path>('unreadable_file'),
    'package.notBagit': error('invalid_input'),
    'package.badDeclaration': error<{ reason: 'bom' | 'version' | 'encoding' }>('invalid_input'),
    'package.badBagInfoLines': error<{ lines: readonly number[] }>('invalid_input'),
    'package.noManifest': error('invalid_input'),
    'package.manifestUnsafePath': error<Line & Path & { reason: UnsafePathReason }>('invalid_input'),
    'package.manifestDuplicate': error<Line & Path>('invalid_input'),
    'package.manifestBadChecksum': error<Line & Path>('invalid_input'),
    'package.manifestBadLine': error<Line>('invalid_input'),
    'package.badOxum': error<{ value: string }>('invalid_input'),
    'package.oxumMismatch': error<{ files: number; bytes: number; payloadFiles: number; payloadBytes: number }>('invalid_input'),
    'package.missing': error<Path>('invalid_input'),
    'package.changed': error<Path>('invalid_input'),
    'package.extraPayload': error<Path>('invalid_input'),
    'package.tagListsPayload': error<Path & { file: string }>('invalid_input'),
    'package.missingTag': error<Path>('invalid_input'),
    'package.tagChanged': error<Path & { file: string }>('invalid_input'),
    'package.extraTag': error<Path & { file: string }>('invalid_input'),
    'package.badCatalogue': error('invalid_input'),
    'package.attachmentNotInManifest': error<Path>('invalid_input'),
    'package.attachmentDigest': error<Path>('invalid_input'),
    'package.batchIdMismatch': error('invalid_input'),
    'package.fondsCodeMismatch': error('invalid_input'),
    'package.digestNotPrinted': error<{ digest: string | null; expected: string }>('conflict'),
    'package.digestNotRecorded': error<{ digest: string | null; expected: string; batch: string }>('conflict'),
    // Receiving refused (nothing changed in the catalogue).
    'receive.invalid': error<{ count: number }>('conflict'),
    'receive.notKhoLuu': error('conflict'),
    'receive.ownPackage': error('conflict'),
    'receive.alreadyReceived': error<{ date: string; batch: string }>('conflict'),
    /** `conflicts`: `receive.fondsOfOtherBody` and `receive.fileCodeHeld` messages. */
    'receive.conflicts': error<{ conflicts: readonly NestedMessage[] }>('conflict'),
    'receive.fondsOfOtherBody': error<{ code: string; name: string; body: string; packageBody: string | null }>('conflict'),
    'receive.fileCodeHeld': error<{ fonds: string; code: string }>('conflict'),
    // Records of the package's catalogue that do not hang together (`catalogueReferenceProblems`).
    'package.catalogueKeyTwice': error<{ record: CatalogueRecord; key: string }>('invalid_input'),
    'package.catalogueDangling': error<Dangling>('invalid_input'),
    'package.catalogueMixedFonds': error<{ key: string }>('invalid_input'),
    'package.catalogueOriginalOutside': error<{ key: string; dir: string }>('invalid_input'),
    'package.catalogueOriginalTwice': error<{ key: string }>('invalid_input'),
  },
  vi: {
    'package.unsafePath': (p) => `Đường dẫn không an toàn “${p.path}” trong gói: ${reason('vi', p.reason)}.`,
    'package.symlink': (p) => `“${p.path}” là liên kết tượng trưng (symlink): không được phép trong gói.`,
    'package.duplicateZipEntry': (p) => `“${p.path}” xuất hiện hơn một lần trong tệp zip.`,
    'package.outsideBag': (p) => `“${p.path}” nằm ngoài thư mục của gói.`,
    'package.zipBomb': (p) => `“${p.path}” giải nén ra ${p.size} byte, gấp ${p.ratio} lần dữ liệu nén: có thể là “bom nén”, không đọc.`,
    'package.unreadableEntry': (p) => `Không đọc được “${p.path}” trong gói: dữ liệu nén bị hỏng hoặc giải nén ra nhiều hơn kích thước khai báo (có thể là “bom nén”).`,
    'package.notBagit': () => 'Không có tệp bagit.txt: đây không phải gói BagIt.',
    'package.badDeclaration': (p) => declaration('vi', p.reason),
    'package.badBagInfoLines': (p) => `bag-info.txt có dòng sai định dạng (dòng ${p.lines.join(', ')}).`,
    'package.noManifest': () => 'Không có tệp manifest-sha256.txt (Kho Lưu chỉ kiểm tra được gói dùng SHA-256).',
    'package.manifestUnsafePath': (p) => `${p.file}, dòng ${p.line}: đường dẫn không an toàn “${p.path}” — ${reason('vi', p.reason)}.`,
    'package.manifestDuplicate': (p) => `${p.file}, dòng ${p.line}: “${p.path}” được kê hai lần.`,
    'package.manifestBadChecksum': (p) => `${p.file}, dòng ${p.line}: mã SHA-256 không hợp lệ cho “${p.path}”.`,
    'package.manifestBadLine': (p) => `${p.file}, dòng ${p.line}: dòng sai định dạng.`,
    'package.badOxum': (p) => `Payload-Oxum “${p.value}” sai định dạng.`,
    'package.oxumMismatch': (p) => `Payload-Oxum ghi ${p.files} tệp, ${p.bytes} byte; gói có ${p.payloadFiles} tệp, ${p.payloadBytes} byte.`,
    'package.missing': (p) => `Thiếu tệp “${p.path}” (có trong manifest nhưng không có trong gói).`,
    'package.changed': (p) => `Tệp “${p.path}” đã bị thay đổi: SHA-256 không khớp manifest.`,
    'package.extraPayload': (p) => `Tệp “${p.path}” không có trong manifest (tệp lạ được thêm vào gói).`,
    'package.tagListsPayload': (p) => `${p.file} kê tệp dữ liệu “${p.path}” (chỉ được kê tệp thẻ).`,
    'package.missingTag': (p) => `Thiếu tệp thẻ “${p.path}”.`,
    'package.tagChanged': (p) => `Tệp thẻ “${p.path}” đã bị thay đổi (không khớp ${p.file}).`,
    'package.extraTag': (p) => `Tệp “${p.path}” ngoài thư mục data/ không được kê trong ${p.file}.`,
    'package.badCatalogue': () => 'Tệp danh mục catalogue.json không đọc được hoặc không đúng định dạng gói Kho Lưu.',
    'package.attachmentNotInManifest': (p) => `Danh mục kê bản gốc “${p.path}” nhưng manifest không có.`,
    'package.attachmentDigest': (p) => `SHA-256 của bản gốc “${p.path}” trong danh mục khác với manifest.`,
    'package.batchIdMismatch': () => 'Mã đợt trong bag-info.txt khác với mã đợt trong danh mục.',
    'package.fondsCodeMismatch': () => 'Mã phông trong bag-info.txt khác với danh mục.',
    'package.digestNotPrinted': (p) =>
      `Mã kiểm tra của gói (${p.digest ?? 'không có'}) khác mã ghi trên Biên bản giao nhận (${p.expected}): đây không phải gói đã lập, dù các tệp trong gói khớp nhau.`,
    'package.digestNotRecorded': (p) =>
      `Mã kiểm tra của gói (${p.digest ?? 'không có'}) khác mã danh mục này ghi lại khi đóng gói đợt ${p.batch} lần gần nhất (${p.expected}): gói đã bị sửa sau khi lập (hoặc là một gói cũ hơn của đợt), dù các tệp trong gói khớp nhau.`,
    'receive.invalid': (p) => `Gói không hợp lệ (${p.count} lỗi): không tiếp nhận. Danh mục không bị thay đổi.`,
    'receive.notKhoLuu': () => 'Gói hợp lệ nhưng không phải gói bàn giao của Kho Lưu (thiếu data/catalogue/catalogue.json): không tiếp nhận.',
    'receive.ownPackage': () => 'Gói này do chính kho lưu trữ này lập ra: không tiếp nhận lại vào đây.',
    'receive.alreadyReceived': (p) => `Gói này đã được tiếp nhận ngày ${p.date} (đợt số ${p.batch}): không tiếp nhận lần thứ hai.`,
    'receive.conflicts': (p) => `Không tiếp nhận vì trùng với danh mục hiện có: ${p.conflicts.join(' ')}`,
    'receive.fondsOfOtherBody': (p) =>
      `Mã phông “${p.code}” đã được dùng cho phông “${p.name}” của ${p.body}: không thể nhận phông của ${p.packageBody ?? 'đơn vị khác'} vào đó (các phông không được trộn lẫn).`,
    'receive.fileCodeHeld': (p) => `Phông “${p.fonds}” đã có hồ sơ số “${p.code}”: gói này có thể đã được tiếp nhận qua một đợt khác.`,
    'package.catalogueKeyTwice': (p) => `Khóa ${record('vi', p.record)} “${p.key}” bị trùng.`,
    'package.catalogueDangling': (p) => `${owner('vi', p)} trỏ tới ${record('vi', p.record)} “${p.key}” không có trong gói.`,
    'package.catalogueMixedFonds': (p) => `Văn bản ${p.key} và hồ sơ của nó thuộc hai phông khác nhau.`,
    'package.catalogueOriginalOutside': (p) => `Bản gốc ${p.key} không nằm trong ${p.dir}/.`,
    'package.catalogueOriginalTwice': (p) => `Bản gốc ${p.key} trùng nội dung (SHA-256) với một bản gốc khác trong gói.`,
  },
  en: {
    'package.unsafePath': (p) => `Unsafe path “${p.path}” in the package: ${reason('en', p.reason)}.`,
    'package.symlink': (p) => `“${p.path}” is a symbolic link: not allowed in a package.`,
    'package.duplicateZipEntry': (p) => `“${p.path}” appears more than once in the zip file.`,
    'package.outsideBag': (p) => `“${p.path}” lies outside the package folder.`,
    'package.zipBomb': (p) => `“${p.path}” unpacks to ${p.size} bytes, ${p.ratio} times its packed data: possibly a zip bomb, not read.`,
    'package.unreadableEntry': (p) => `Cannot read “${p.path}” in the package: its packed data is damaged or unpacks past its declared size (possibly a zip bomb).`,
    'package.notBagit': () => 'No bagit.txt: this is not a BagIt package.',
    'package.badDeclaration': (p) => declaration('en', p.reason),
    'package.badBagInfoLines': (p) => `bag-info.txt has malformed lines (lines ${p.lines.join(', ')}).`,
    'package.noManifest': () => 'No manifest-sha256.txt (Kho Lưu checks only packages that use SHA-256).',
    'package.manifestUnsafePath': (p) => `${p.file}, line ${p.line}: unsafe path “${p.path}” — ${reason('en', p.reason)}.`,
    'package.manifestDuplicate': (p) => `${p.file}, line ${p.line}: “${p.path}” is listed twice.`,
    'package.manifestBadChecksum': (p) => `${p.file}, line ${p.line}: invalid SHA-256 for “${p.path}”.`,
    'package.manifestBadLine': (p) => `${p.file}, line ${p.line}: malformed line.`,
    'package.badOxum': (p) => `Payload-Oxum “${p.value}” is malformed.`,
    'package.oxumMismatch': (p) => `Payload-Oxum states ${p.files} files, ${p.bytes} bytes; the package holds ${p.payloadFiles} files, ${p.payloadBytes} bytes.`,
    'package.missing': (p) => `File “${p.path}” is missing (listed in the manifest but not in the package).`,
    'package.changed': (p) => `File “${p.path}” was changed: its SHA-256 does not match the manifest.`,
    'package.extraPayload': (p) => `File “${p.path}” is not in the manifest (a foreign file added to the package).`,
    'package.tagListsPayload': (p) => `${p.file} lists the data file “${p.path}” (only tag files may be listed).`,
    'package.missingTag': (p) => `Tag file “${p.path}” is missing.`,
    'package.tagChanged': (p) => `Tag file “${p.path}” was changed (does not match ${p.file}).`,
    'package.extraTag': (p) => `File “${p.path}” outside data/ is not listed in ${p.file}.`,
    'package.badCatalogue': () => 'The catalogue file catalogue.json cannot be read or is not in the Kho Lưu package format.',
    'package.attachmentNotInManifest': (p) => `The catalogue lists the original “${p.path}” but the manifest does not.`,
    'package.attachmentDigest': (p) => `The SHA-256 of the original “${p.path}” in the catalogue differs from the manifest.`,
    'package.batchIdMismatch': () => 'The batch id in bag-info.txt differs from the one in the catalogue.',
    'package.fondsCodeMismatch': () => 'The fonds codes in bag-info.txt differ from the catalogue.',
    'package.digestNotPrinted': (p) =>
      `The package's digest (${p.digest ?? 'none'}) differs from the one printed on the handover minutes (${p.expected}): this is not the package that was made, though its files agree with each other.`,
    'package.digestNotRecorded': (p) =>
      `The package's digest (${p.digest ?? 'none'}) differs from the one this catalogue recorded when it last packed batch ${p.batch} (${p.expected}): the package was changed after it was made (or is an older package of the batch), though its files agree with each other.`,
    'receive.invalid': (p) => `The package is not valid (${p.count} problems): not received. The catalogue was not changed.`,
    'receive.notKhoLuu': () => 'The package is valid but is not a Kho Lưu handover package (no data/catalogue/catalogue.json): not received.',
    'receive.ownPackage': () => 'This package was made by this very archive: it is not received back into it.',
    'receive.alreadyReceived': (p) => `This package was already received on ${p.date} (batch ${p.batch}): not received a second time.`,
    'receive.conflicts': (p) => `Not received because it clashes with the catalogue: ${p.conflicts.join(' ')}`,
    'receive.fondsOfOtherBody': (p) =>
      `Fonds code “${p.code}” is already used by the fonds “${p.name}” of ${p.body}: the fonds of ${p.packageBody ?? 'another body'} cannot be received into it (fonds are never mixed).`,
    'receive.fileCodeHeld': (p) => `Fonds “${p.fonds}” already holds file number “${p.code}”: this package may have been received through another batch.`,
    'package.catalogueKeyTwice': (p) => `The ${record('en', p.record)} key “${p.key}” appears twice.`,
    'package.catalogueDangling': (p) => `${owner('en', p)} points to the ${record('en', p.record)} “${p.key}”, which is not in the package.`,
    'package.catalogueMixedFonds': (p) => `Document ${p.key} and its file belong to two different fonds.`,
    'package.catalogueOriginalOutside': (p) => `Original ${p.key} does not lie inside ${p.dir}/.`,
    'package.catalogueOriginalTwice': (p) => `Original ${p.key} has the same content (SHA-256) as another original in the package.`,
  },
});
