import type { EntityType } from '../entities';
import { ApiError } from './apiError';

/** The record of `entity` with this id is not in the catalogue (or is hidden from the caller). */
export function notFound(entity: EntityType, id: number | string): ApiError;
/** @deprecated Name the entity: `notFound('document', id)`. */
export function notFound(what: string, whatEn: string, id: number | string): ApiError;
export function notFound(entity: string, b: unknown, c?: unknown): ApiError {
  if (c === undefined) return new ApiError('common.notFound', { entity: entity as EntityType, id: b as number | string });
  return new ApiError('not_found', `Không tìm thấy ${entity} (mã ${String(c)}).`, `${String(b)} ${String(c)} not found.`);
}
