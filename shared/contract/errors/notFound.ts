import type { EntityType } from '../entities';
import { ApiError } from './apiError';

/** The record of `entity` with this id is not in the catalogue (or is hidden from the caller). */
export function notFound(entity: EntityType, id: number | string): ApiError {
  return new ApiError('common.notFound', { entity, id });
}
