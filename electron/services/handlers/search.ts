import type { ApiHandlers } from '../../../shared/contract/api';
import { ApiError, fieldError, notFound } from '../../../shared/contract/errors';
import type { SavedSearch, SearchHistoryEntry, SearchRequestRecord } from '../../../shared/contract/types/search';
import type { SavedSearchRow } from '../../data/repositories/savedSearches';
import type { HistoryRow } from '../../data/repositories/searchHistory';
import { type ServiceContext, audit, nowOf } from '../context';
import { repairIndex } from '../search/reindex';
import { SecretPolicy } from '../safety/secretPolicy';

type Handlers = Pick<
  ApiHandlers,
  | 'search.query'
  | 'search.facets'
  | 'search.suggest'
  | 'search.saved.list'
  | 'search.saved.save'
  | 'search.saved.delete'
  | 'search.history.list'
  | 'search.history.record'
  | 'search.history.clear'
>;

/** The history keeps the last searches an archivist ran; older ones drop off. */
const HISTORY_KEEP = 200;

function parseRecord(json: string): SearchRequestRecord {
  try {
    const v = JSON.parse(json) as Partial<SearchRequestRecord>;
    return { text: typeof v.text === 'string' ? v.text : '', filters: v.filters && typeof v.filters === 'object' ? v.filters : {}, sort: v.sort ?? 'relevance' };
  } catch {
    return { text: '', filters: {}, sort: 'relevance' };
  }
}

function toSaved(r: SavedSearchRow): SavedSearch {
  return { id: r.id, name: r.name, query: parseRecord(r.query_json), createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at };
}

function toHistory(r: HistoryRow): SearchHistoryEntry {
  return { id: r.id, text: r.text, query: parseRecord(r.query_json), total: r.total, actor: r.actor, at: r.at };
}

export function searchHandlers(ctx: ServiceContext): Handlers {
  const { repos } = ctx.catalogue;
  // A catalogue written by an older build, or an index left behind by a crash outside a transaction:
  // index exactly what differs (two counts when nothing does).
  repairIndex(ctx);
  const visible = () => ctx.access.secretsVisible();

  return {
    'search.query': (input) => ctx.search.query(input, visible()),

    'search.facets': (input) => ctx.search.facets(input, visible()),

    'search.suggest': ({ text, limit }) => ctx.search.suggest(text, limit, visible()),

    // Searches kept while secrets were visible are shown only to a caller who sees them (the secret policy).
    'search.saved.list': () => repos.savedSearches.list(SecretPolicy.of(ctx).showsSearchesTypedInSightOfSecrets).map(toSaved),

    'search.saved.save': ({ id, name, query }) =>
      ctx.catalogue.transaction(() => {
        const clash = repos.savedSearches.byName(name);
        if (clash && clash.id !== id) {
          throw new ApiError('search.savedNameTaken', { name }, { name: fieldError('field.nameTaken') });
        }
        const now = nowOf(ctx);
        const json = JSON.stringify(query);
        const inSight = visible();
        if (id !== undefined) {
          const before = repos.savedSearches.get(id);
          if (!before) throw notFound('saved_search', id);
          repos.savedSearches.update(id, name, json, now, inSight);
          const after = repos.savedSearches.get(id)!;
          // Rows about a search typed in sight of secrets are withheld from locked viewers (secretPolicy.ts).
          audit(ctx, 'search.saved.update', 'saved_search', id, { ...toSaved(before), inSightOfSecrets: before.secret_scope === 1 }, { ...toSaved(after), inSightOfSecrets: after.secret_scope === 1 });
          return toSaved(after);
        }
        const newId = repos.savedSearches.insert(name, json, ctx.actor(), now, inSight);
        const saved = toSaved(repos.savedSearches.get(newId)!);
        audit(ctx, 'search.saved.create', 'saved_search', newId, null, { ...saved, inSightOfSecrets: inSight });
        return saved;
      }),

    'search.saved.delete': ({ id }) =>
      ctx.catalogue.transaction(() => {
        const before = repos.savedSearches.get(id);
        if (!before) throw notFound('saved_search', id);
        repos.savedSearches.delete(id);
        audit(ctx, 'search.saved.delete', 'saved_search', id, { ...toSaved(before), inSightOfSecrets: before.secret_scope === 1 }, null);
        return { deleted: true };
      }),

    'search.history.list': ({ limit }) => repos.searchHistory.list(limit, SecretPolicy.of(ctx).showsSearchesTypedInSightOfSecrets).map(toHistory),

    // Each search is not audited (the history is itself a log of the user's own searches, not of
    // the records); clearing it is.
    'search.history.record': ({ query, total }) => {
      const id = repos.searchHistory.add(query.text, JSON.stringify(query), total ?? null, ctx.actor(), nowOf(ctx), HISTORY_KEEP, visible());
      return toHistory(repos.searchHistory.list(HISTORY_KEEP).find((h) => h.id === id)!);
    },

    'search.history.clear': () =>
      ctx.catalogue.transaction(() => {
        const cleared = repos.searchHistory.clear();
        audit(ctx, 'search.history.clear', 'search_history', null, { entries: cleared }, null);
        return { cleared };
      }),
  };
}
