/**
 * Errors any operation may meet: a bad input and its fields, a record not found, a refusal of the
 * catalogue's constraints, a caller the host does not trust, a bug.
 */
import { ENTITY_NAMES, type EntityType } from '../entities';
import { defineErrors, error } from './define';

type Id = { entity: EntityType; id: number | string };

export const commonErrors = defineErrors({
  codes: {
    /** A bug: the dispatcher logged it with its stack. */
    'common.unexpected': error('internal'),
    'common.unknownOperation': error<{ operation: string }>('unknown_operation'),
    /** The input failed the contract's schema; `fields` says where. */
    'common.invalidInput': error('invalid_input', { listsFields: true }),
    'common.notFound': error<Id>('not_found'),
    'common.untrustedCaller': error('unauthorized'),
    /** The renderer lost the browser host, or the host replied with something that is not a reply. */
    'common.connectionLost': error('internal'),
    'common.badReply': error<{ status: number }>('internal'),

    // The catalogue's own constraints, when one is met despite the services' checks.
    'catalogue.duplicate': error('conflict'),
    'catalogue.missingReference': error('conflict'),
    'catalogue.fondsMixed': error('conflict'),
    'catalogue.constraint': error('invalid_input'),
    'catalogue.busy': error('conflict'),
    'catalogue.diskFull': error('internal'),

    // One field's problem (the `fields` of an error), as the contract's schemas find them.
    'field.required': error('invalid_input'),
    'field.wrongType': error('invalid_input'),
    'field.invalidDate': error('invalid_input'),
    'field.badFormat': error('invalid_input'),
    'field.empty': error('invalid_input'),
    'field.atLeast': error<{ min: number | string }>('invalid_input'),
    'field.tooLong': error<{ max: number | string }>('invalid_input'),
    'field.atMost': error<{ max: number | string }>('invalid_input'),
    'field.notAllowed': error('invalid_input'),
    'field.unknownKeys': error<{ keys: readonly string[] }>('invalid_input'),
    'field.invalid': error('invalid_input'),
    'field.datesReversed': error('invalid_input'),
    'field.pathControlCharacters': error('invalid_input'),
    'field.taken': error('invalid_input'),
  },
  vi: {
    'common.unexpected': () => 'Đã xảy ra lỗi không mong muốn; dữ liệu đã lưu không bị ảnh hưởng.',
    'common.unknownOperation': (p) => `Thao tác không tồn tại: ${p.operation}`,
    'common.invalidInput': () => 'Dữ liệu không hợp lệ.',
    'common.notFound': (p) => `Không tìm thấy ${ENTITY_NAMES[p.entity].vi} (mã ${p.id}).`,
    'common.untrustedCaller': () => 'Lời gọi không đến từ giao diện Kho Lưu.',
    'common.connectionLost': () => 'Mất kết nối với máy chủ Kho Lưu. Hãy kiểm tra cửa sổ dòng lệnh đang chạy “npm run web”.',
    'common.badReply': (p) => `Máy chủ trả lời không hợp lệ (HTTP ${p.status}).`,
    'catalogue.duplicate': () => 'Bản ghi trùng với một bản ghi đã có (mã hoặc số đã được dùng).',
    'catalogue.missingReference': () => 'Bản ghi tham chiếu tới một mục không tồn tại hoặc đang được dùng.',
    'catalogue.fondsMixed': () => 'Tài liệu của các phông không được trộn lẫn.',
    'catalogue.constraint': () => 'Dữ liệu vi phạm ràng buộc của danh mục.',
    'catalogue.busy': () => 'Danh mục đang bận (một tiến trình khác đang ghi). Hãy thử lại.',
    'catalogue.diskFull': () => 'Ổ đĩa đã đầy: không ghi được vào danh mục.',
    'field.required': () => 'bắt buộc',
    'field.wrongType': () => 'sai kiểu dữ liệu',
    'field.invalidDate': () => 'không phải ngày hợp lệ (YYYY-MM-DD)',
    'field.badFormat': () => 'sai định dạng',
    'field.empty': () => 'không được để trống',
    'field.atLeast': (p) => `phải từ ${p.min} trở lên`,
    'field.tooLong': (p) => `dài quá ${p.max} ký tự`,
    'field.atMost': (p) => `không được vượt quá ${p.max}`,
    'field.notAllowed': () => 'giá trị không được phép',
    'field.unknownKeys': (p) => `trường không được phép: ${p.keys.join(', ')}`,
    'field.invalid': () => 'không hợp lệ',
    'field.datesReversed': () => 'Ngày kết thúc phải sau ngày bắt đầu',
    'field.pathControlCharacters': () => 'Đường dẫn chứa ký tự điều khiển (ví dụ NUL), không hợp lệ',
    'field.taken': () => 'Đã được dùng',
  },
  en: {
    'common.unexpected': () => 'Something unexpected went wrong; the data already saved is not affected.',
    'common.unknownOperation': (p) => `Unknown operation: ${p.operation}`,
    'common.invalidInput': () => 'The data is not valid.',
    'common.notFound': (p) => `${capitalise(ENTITY_NAMES[p.entity].en)} ${p.id} was not found.`,
    'common.untrustedCaller': () => 'The call did not come from the Kho Lưu interface.',
    'common.connectionLost': () => 'The connection to the Kho Lưu server was lost. Check the terminal window running “npm run web”.',
    'common.badReply': (p) => `The server sent an invalid reply (HTTP ${p.status}).`,
    'catalogue.duplicate': () => 'The record duplicates one already there (the code or number is taken).',
    'catalogue.missingReference': () => 'The record refers to an entry that does not exist or is in use.',
    'catalogue.fondsMixed': () => 'Records of different fonds are never mixed.',
    'catalogue.constraint': () => 'The data breaks a rule of the catalogue.',
    'catalogue.busy': () => 'The catalogue is busy (another process is writing to it). Try again.',
    'catalogue.diskFull': () => 'The disk is full: nothing could be written to the catalogue.',
    'field.required': () => 'required',
    'field.wrongType': () => 'wrong type of data',
    'field.invalidDate': () => 'not a valid date (YYYY-MM-DD)',
    'field.badFormat': () => 'wrong format',
    'field.empty': () => 'must not be empty',
    'field.atLeast': (p) => `must be ${p.min} or more`,
    'field.tooLong': (p) => `longer than ${p.max} characters`,
    'field.atMost': (p) => `must not exceed ${p.max}`,
    'field.notAllowed': () => 'value not allowed',
    'field.unknownKeys': (p) => `fields not allowed: ${p.keys.join(', ')}`,
    'field.invalid': () => 'not valid',
    'field.datesReversed': () => 'The end date must come after the start date',
    'field.pathControlCharacters': () => 'The path contains a control character (such as NUL) and is not valid',
    'field.taken': () => 'Already in use',
  },
});

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
