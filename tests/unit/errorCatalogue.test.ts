import { describe, expect, it } from 'vitest';
import { ApiError, ERROR_CODES, ERROR_SENTENCES, errorText, fieldError, type ErrorCode } from '../../shared/contract/errors';
import { defineErrors, error, mergeErrorAreas } from '../../shared/contract/errors/define';

/** A parameter value that reads as its own name in a sentence, whether used as text, number or list. */
class Sample extends Array<string> {
  override toString(): string {
    return `«${this[0]}»`;
  }
}

/** A `Sample` that also answers the methods of a string (`toUpperCase`, `padStart`…) as its text. */
function sample(name: string): Sample {
  const value = Sample.from([name]) as Sample;
  return new Proxy(value, {
    get: (target, key, receiver) => {
      if (key in target || typeof key === 'symbol') return Reflect.get(target, key, receiver) as unknown;
      const method = (String.prototype as unknown as Record<string, unknown>)[key];
      return typeof method === 'function' ? (...args: unknown[]) => (method as (...a: unknown[]) => unknown).apply(String(target), args) : undefined;
    },
  });
}

/** Parameters for any code: each one a `Sample` named after the parameter (an entity is a real one). */
function sampleParams(): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get: (_target, key) => (key === 'entity' ? 'document' : typeof key === 'string' ? sample(key) : undefined),
      has: () => true,
    },
  );
}

const codes = Object.keys(ERROR_CODES) as ErrorCode[];
const VIETNAMESE_LETTER = /[ăâđêôơưạảãàáậầấẩẫắằặẳẵẹẻẽèéệềếểễịỉĩìíọỏõòóộồốổỗớờợởỡụủũùúựừứửữỵỷỹỳý]/i;

describe('the error catalogue', () => {
  it('has a Vietnamese and an English sentence for every error code', () => {
    expect(codes.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const code of codes) {
      for (const locale of ['vi', 'en'] as const) {
        const write = ERROR_SENTENCES[locale][code] as ((p: unknown) => string) | undefined;
        if (typeof write !== 'function') {
          problems.push(`${code}: no ${locale} sentence`);
          continue;
        }
        let text: string;
        try {
          text = write(sampleParams());
        } catch (err) {
          problems.push(`${code} (${locale}) throws: ${String(err)}`);
          continue;
        }
        if (typeof text !== 'string' || text.trim() === '') problems.push(`${code} (${locale}) is empty`);
        else if (/undefined|\[object |NaN/.test(text)) problems.push(`${code} (${locale}): ${text}`);
      }
      // The English catalogue is English: no Vietnamese letter but in the product's name.
      const en = (ERROR_SENTENCES.en[code] as (p: unknown) => string)(sampleParams()).replaceAll('Kho Lưu', '');
      if (VIETNAMESE_LETTER.test(en)) problems.push(`${code}: the English sentence is Vietnamese: ${en}`);
    }
    expect(problems).toEqual([]);
  });

  it('has no sentence for a code that is not declared', () => {
    expect(Object.keys(ERROR_SENTENCES.vi).sort()).toEqual([...codes].sort());
    expect(Object.keys(ERROR_SENTENCES.en).sort()).toEqual([...codes].sort());
  });

  it('refuses a code declared by two areas', () => {
    const a = defineErrors({ codes: { 'x.same': error('conflict') }, vi: { 'x.same': () => 'một' }, en: { 'x.same': () => 'one' } });
    const b = defineErrors({ codes: { 'x.same': error('conflict') }, vi: { 'x.same': () => 'hai' }, en: { 'x.same': () => 'two' } });
    expect(() => mergeErrorAreas([a, b])).toThrow(/x\.same is declared by two areas/);
  });

  it('sends an error as its code, kind, parameters and fields, and words it on the other side', () => {
    const sent = new ApiError('common.notFound', { entity: 'file', id: 7 });
    const body = JSON.parse(JSON.stringify(sent.toBody()));
    expect(body).toEqual({ code: 'common.notFound', kind: 'not_found', params: { entity: 'file', id: 7 } });
    const received = ApiError.fromBody(body);
    expect(received.message).toBe('Không tìm thấy hồ sơ (mã 7).');
    expect(received.textIn('en')).toBe('File 7 was not found.');
    expect(received.kind).toBe('not_found');
  });

  it('words an invalid input with each field, in either language', () => {
    const e = new ApiError('common.invalidInput', {}, { title: fieldError('field.empty'), endDate: fieldError('field.datesReversed') });
    expect(e.message).toBe('Dữ liệu không hợp lệ — title: không được để trống; endDate: Ngày kết thúc phải sau ngày bắt đầu.');
    expect(errorText('en', e.toBody())).toBe('The data is not valid — title: must not be empty; endDate: The end date must come after the start date.');
  });

  it('takes a code this build does not know for a bug on the other side', () => {
    const e = ApiError.fromBody({ code: 'no.such' as ErrorCode, kind: 'conflict', params: {} });
    expect(e.code).toBe('common.unexpected');
    expect(e.kind).toBe('internal');
  });
});
