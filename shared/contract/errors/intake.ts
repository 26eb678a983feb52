/** Errors of intake: an upload sent in parts into one import run. */
import { defineErrors, error } from './define';

export const intakeErrors = defineErrors({
  codes: {
    /** `import.upload` named a job that takes no parts (a path import, a one-request upload, a packaging job). */
    'intake.notAnUpload': error('conflict'),
    /** The run stopped (cancelled, failed) or the upload already ended: the part is not imported. */
    'intake.uploadEnded': error<{ state: string }>('conflict'),
    /** More files than `import.start` announced. */
    'intake.tooManyFiles': error<{ expected: number; received: number }>('invalid_input'),
    'field.uploadTotalTooSmall': error('invalid_input'),
  },
  vi: {
    'intake.notAnUpload': () => 'Tác vụ này không nhận thêm tệp gửi lên.',
    'intake.uploadEnded': (p) =>
      p.state === 'cancelled'
        ? 'Lần nhập đã bị hủy: các tệp chưa gửi không được nhập (các tệp đã nhập vẫn được giữ).'
        : 'Lần nhập đã kết thúc: các tệp chưa gửi không được nhập (các tệp đã nhập vẫn được giữ).',
    'intake.tooManyFiles': (p) => `Gửi lên nhiều tệp hơn số đã báo (${p.received}/${p.expected}).`,
    'field.uploadTotalTooSmall': () => 'Tổng số tệp nhỏ hơn số tệp đã gửi',
  },
  en: {
    'intake.notAnUpload': () => 'This job takes no more uploaded files.',
    'intake.uploadEnded': (p) =>
      p.state === 'cancelled'
        ? 'The import was cancelled: files not yet sent are not imported (files already imported are kept).'
        : 'The import has ended: files not yet sent are not imported (files already imported are kept).',
    'intake.tooManyFiles': (p) => `More files uploaded than announced (${p.received}/${p.expected}).`,
    'field.uploadTotalTooSmall': () => 'The total is smaller than the files already sent',
  },
});
