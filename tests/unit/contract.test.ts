import { describe, expect, it } from 'vitest';
import { operations } from '../../shared/contract/api';
import { ApiError, fieldTexts } from '../../shared/contract/errors';
import { OPERATION_NAMES, ipcChannel } from '../../shared/contract/operationNames';
import { validateInput } from '../../shared/contract/validate';

describe('the contract', () => {
  it('lists the same operations in the light name list as in the schema table', () => {
    expect([...OPERATION_NAMES].sort()).toEqual(Object.keys(operations).sort());
  });

  it('gives every operation its own IPC channel', () => {
    const channels = new Set(OPERATION_NAMES.map(ipcChannel));
    expect(channels.size).toBe(OPERATION_NAMES.length);
  });

  it('rejects a bad file with a Vietnamese message per field', () => {
    let error: unknown;
    try {
      validateInput('files.create', { fondsId: 1, code: '', title: 'Hồ sơ', startDate: '2025-02-30', extra: 1 });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.code).toBe('common.invalidInput');
    expect(e.kind).toBe('invalid_input');
    expect(e.fields?.code).toEqual({ code: 'field.empty', params: {} });
    const vi = fieldTexts('vi', e.fields!);
    expect(vi.code).toBe('không được để trống');
    expect(vi.startDate).toContain('ngày hợp lệ');
    expect(fieldTexts('en', e.fields!).startDate).toBe('not a valid date (YYYY-MM-DD)');
    expect(e.message).toMatch(/^Dữ liệu không hợp lệ — code: không được để trống; startDate: không phải ngày hợp lệ/);
    expect(e.textIn('en')).toMatch(/^The data is not valid — code: must not be empty/);
  });

  it('refuses an end date before the start date', () => {
    expect(() => validateInput('files.create', { fondsId: 1, code: '1', title: 'x', startDate: '2025-05-01', endDate: '2025-04-01' })).toThrow(
      /Ngày kết thúc phải sau ngày bắt đầu/,
    );
  });

  it('applies defaults', () => {
    const q = validateInput('search.query', { text: 'ban giao' });
    expect(q).toEqual({ text: 'ban giao', filters: {}, offset: 0, limit: 20 });
  });
});
