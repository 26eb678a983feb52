/**
 * Input schemas of the search operations beside `search.query` (whose own schema is in
 * ../schemas.ts).
 */
import { z } from 'zod';
import { searchFilters, searchSort } from '../schemas';

export const searchFacetsQuery = z
  .object({
    text: z.string().max(1_000).default(''),
    filters: searchFilters.default({}),
    typing: z.boolean().default(false),
    /** Values listed per facet (the largest counts, plus every selected value). */
    limit: z.int().min(1).max(500).default(30),
  })
  .strict();

export const searchSuggest = z
  .object({
    text: z.string().max(200),
    limit: z.int().min(1).max(50).default(8),
  })
  .strict();

export const searchRequestRecord = z
  .object({
    text: z.string().max(1_000).default(''),
    filters: searchFilters.default({}),
    sort: searchSort.default('relevance'),
  })
  .strict();

export const savedSearchSave = z
  .object({
    /** Given: rename or change that saved search; absent: a new one. */
    id: z.int().positive().optional(),
    name: z.string().trim().min(1).max(200),
    query: searchRequestRecord,
  })
  .strict();

export const searchHistoryList = z.object({ limit: z.int().min(1).max(500).default(50) }).strict();

export const searchHistoryRecord = z
  .object({
    query: searchRequestRecord,
    total: z.int().min(0).nullable().optional(),
  })
  .strict();
