/** Errors of the hosts themselves: the browser host's HTTP requests and the desktop window's own calls. */
import { defineErrors, error } from './define';

export const hostErrors = defineErrors({
  codes: {
    'host.badPath': error('invalid_input'),
    'host.bodyTooLarge': error<{ maxMb: number }>('invalid_input'),
    'host.malformedJson': error('invalid_input'),
    'host.notAnObject': error('invalid_input'),
    'shell.badAttachmentId': error('invalid_input'),
    /** The system could not open the copy of an original; `detail` is the system's own words. */
    'shell.openFailed': error<{ detail: string }>('unreadable_file'),
    /** The temporary folder for opened copies is not the user's own (a link, or another user's folder). */
    'shell.copyFolderUnsafe': error<{ path: string }>('invalid_input'),
  },
  vi: {
    'host.badPath': () => 'Địa chỉ thao tác không hợp lệ (mã hóa phần trăm sai).',
    'host.bodyTooLarge': (p) => `Dữ liệu gửi lên quá lớn (tối đa ${p.maxMb} MB).`,
    'host.malformedJson': () => 'Yêu cầu không phải JSON hợp lệ.',
    'host.notAnObject': () => 'Nội dung yêu cầu phải là một đối tượng JSON.',
    'shell.badAttachmentId': () => 'Mã tệp gốc không hợp lệ.',
    'shell.openFailed': (p) => `Không mở được bản sao: ${p.detail}`,
    'shell.copyFolderUnsafe': (p) => `Không mở bản sao: thư mục tạm “${p.path}” không phải của riêng người dùng này (là liên kết hoặc của người khác). Hãy xóa thư mục đó rồi thử lại.`,
  },
  en: {
    'host.badPath': () => 'The operation address is not valid (bad percent-encoding).',
    'host.bodyTooLarge': (p) => `The data sent is too large (at most ${p.maxMb} MB).`,
    'host.malformedJson': () => 'The request is not valid JSON.',
    'host.notAnObject': () => 'The request body must be a JSON object.',
    'shell.badAttachmentId': () => 'The original’s id is not valid.',
    'shell.openFailed': (p) => `The copy could not be opened: ${p.detail}`,
    'shell.copyFolderUnsafe': (p) => `The copy was not opened: the temporary folder “${p.path}” is not this user’s own (a link, or another user’s). Remove that folder and try again.`,
  },
});
