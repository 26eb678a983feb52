import type { z } from 'zod';
import { operations, type OperationName, type ParsedInputOf } from './api';
import { ApiError, fieldError, isErrorCode, type ErrorMessage, type FieldErrors } from './errors';

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);
}

/** A schema issue as a field error; a refinement names its own code as its message. */
function fieldErrorOf(issue: z.core.$ZodIssue): ErrorMessage {
  switch (issue.code) {
    case 'invalid_type':
      return fieldError(issue.input === undefined ? 'field.required' : 'field.wrongType');
    case 'invalid_format':
      if (isErrorCode(issue.message)) return { code: issue.message, params: {} } as ErrorMessage;
      return fieldError(issue.format === 'date' ? 'field.invalidDate' : 'field.badFormat');
    case 'too_small':
      return issue.origin === 'string' ? fieldError('field.empty') : fieldError('field.atLeast', { min: String(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string' ? fieldError('field.tooLong', { max: String(issue.maximum) }) : fieldError('field.atMost', { max: String(issue.maximum) });
    case 'invalid_value':
      return fieldError('field.notAllowed');
    case 'unrecognized_keys':
      return fieldError('field.unknownKeys', { keys: issue.keys });
    case 'custom':
      if (isErrorCode(issue.message)) return { code: issue.message, params: {} } as ErrorMessage;
      return fieldError('field.invalid');
    default:
      return fieldError('field.invalid');
  }
}

/**
 * Validates a call's input; a bad one becomes a `common.invalidInput` error naming each field. No
 * input at all (`undefined`) is an empty one; `null` is not an input and is refused like any other
 * non-object.
 */
export function validateInput<N extends OperationName>(name: N, input: unknown): ParsedInputOf<N> {
  const schema = operations[name].input as z.ZodType;
  const parsed = schema.safeParse(input === undefined ? {} : input);
  if (parsed.success) return parsed.data as ParsedInputOf<N>;
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '(chung)';
    fields[key] ??= fieldErrorOf(issue);
  }
  throw new ApiError('common.invalidInput', {}, fields);
}
