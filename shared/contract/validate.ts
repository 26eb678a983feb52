import type { z } from 'zod';
import { operations, type OperationName, type ParsedInputOf } from './api';
import { ApiError } from './errors';

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);
}

function issueMessageVi(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'bắt buộc' : 'sai kiểu dữ liệu';
    case 'invalid_format':
      return issue.format === 'date' ? 'không phải ngày hợp lệ (YYYY-MM-DD)' : 'sai định dạng';
    case 'too_small':
      return issue.origin === 'string' ? 'không được để trống' : `phải từ ${String(issue.minimum)} trở lên`;
    case 'too_big':
      return issue.origin === 'string' ? `dài quá ${String(issue.maximum)} ký tự` : `không được vượt quá ${String(issue.maximum)}`;
    case 'invalid_value':
      return 'giá trị không được phép';
    case 'unrecognized_keys':
      return `trường không được phép: ${issue.keys.join(', ')}`;
    case 'custom':
      return issue.message;
    default:
      return 'không hợp lệ';
  }
}

/**
 * Validates a call's input; a bad one becomes an `invalid_input` error naming each field. No input
 * at all (`undefined`) is an empty one; `null` is not an input and is refused like any other
 * non-object.
 */
export function validateInput<N extends OperationName>(name: N, input: unknown): ParsedInputOf<N> {
  const schema = operations[name].input as z.ZodType;
  const parsed = schema.safeParse(input === undefined ? {} : input);
  if (parsed.success) return parsed.data as ParsedInputOf<N>;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '(chung)';
    fields[key] ??= issueMessageVi(issue);
  }
  const listVi = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  const listEn = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new ApiError('invalid_input', `Dữ liệu không hợp lệ — ${listVi}.`, `Invalid input for ${name}: ${listEn}`, fields);
}
