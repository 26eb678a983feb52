export { ApiError, errorText, fieldError, fieldTexts, isErrorCode, kindOf, sentence, coded, codedError } from './apiError';
export type { ApiErrorBody, CallReply, ErrorMessage, FieldErrors } from './apiError';
export { ERROR_CODES, ERROR_SENTENCES } from './codes';
export type { ErrorCode, ErrorParams } from './codes';
export type { ErrorKind } from './define';
export { notFound } from './notFound';
export { causeOf } from './jobs';
export { readStoredText, storedText } from './stored';
