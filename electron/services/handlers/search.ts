import type { ApiHandlers } from '../../../shared/contract/api';
import { ApiError, notFound } from '../../../shared/contract/errors';
import type { SavedSearch, SearchHistoryEntry, SearchRequestRecord } from '../../../shared/contract/types/search';
import type { HistoryRow, SavedSearchRow } from '../../data/repositories/searchCatalogue';
import type { Catalogue } from '../../data/catalogue';
import { type ServiceContext, audit, nowOf } from '../context';
import { SearchEngine } from '../search/engine';
import { computeFacets } from '../search/facets';
import { repairIndex } from '../search/reindex';
import { Suggester } from '../search/suggest';
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

/** One engine per open catalogue: its facet columns are loaded once and kept current. */
const engines = new WeakMap<Catalogue, { engine: SearchEngine; suggester: Suggester }>();

export function searchEngineOf(ctx: ServiceContext): { engine: SearchEngine; suggester: Suggester } {
  let e = engines.get(ctx.catalogue);
  if (!e) {
    const engine = new SearchEngine(ctx.catalogue.repos);
    e = { engine, suggester: new Suggester(engine.store) };
    engines.set(ctx.catalogue, e);
  }
  return e;
}

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
    'search.query': (input) => {
      const { engine } = searchEngineOf(ctx);
      const result = engine.query(input, visible());
      if (input.facets) result.facets = computeFacets(engine.store, repos.searchIndex, { text: input.text, filters: input.filters, typing: input.typing ?? false, limit: 30 }, visible());
      return result;
    },

    'search.facets': (input) => computeFacets(searchEngineOf(ctx).engine.store, repos.searchIndex, input, visible()),

    'search.suggest': ({ text, limit }) => searchEngineOf(ctx).suggester.suggest(text, limit, visible()),

    // Searches kept while secrets were visible are shown only to a caller who sees them (the secret policy).
    'search.saved.list': () => repos.searchCatalogue.listSaved(SecretPolicy.of(ctx).showsSearchesTypedInSightOfSecrets).map(toSaved),

    'search.saved.save': ({ id, name, query }) =>
      ctx.catalogue.transaction(() => {
        const clash = repos.searchCatalogue.savedByName(name);
        if (clash && clash.id !== id) {
          throw new ApiError('conflict', `Đã có tìm kiếm đã lưu tên “${name}”. Hãy chọn tên khác.`, `Saved search named ${name} exists`, { name: 'Tên đã dùng' });
        }
        const now = nowOf(ctx);
        const json = JSON.stringify(query);
        const inSight = visible();
        if (id !== undefined) {
          const before = repos.searchCatalogue.getSaved(id);
          if (!before) throw notFound('tìm kiếm đã lưu', 'Saved search', id);
          repos.searchCatalogue.updateSaved(id, name, json, now, inSight);
          const after = repos.searchCatalogue.getSaved(id)!;
          audit(ctx, 'search.saved.update', 'saved_search', id, { ...toSaved(before), inSightOfSecrets: before.secret_scope === 1 }, { ...toSaved(after), inSightOfSecrets: after.secret_scope === 1 });
          return toSaved(after);
        }
        const newId = repos.searchCatalogue.insertSaved(name, json, ctx.actor(), now, inSight);
        const saved = toSaved(repos.searchCatalogue.getSaved(newId)!);
        audit(ctx, 'search.saved.create', 'saved_search', newId, null, { ...saved, inSightOfSecrets: inSight });
        return saved;
      }),

    'search.saved.delete': ({ id }) =>
      ctx.catalogue.transaction(() => {
        const before = repos.searchCatalogue.getSaved(id);
        if (!before) throw notFound('tìm kiếm đã lưu', 'Saved search', id);
        repos.searchCatalogue.deleteSaved(id);
        audit(ctx, 'search.saved.delete', 'saved_search', id, { ...toSaved(before), inSightOfSecrets: before.secret_scope === 1 }, null);
        return { deleted: true };
      }),

    'search.history.list': ({ limit }) => repos.searchCatalogue.listHistory(limit, SecretPolicy.of(ctx).showsSearchesTypedInSightOfSecrets).map(toHistory),

    // Each search is not audited (the history is itself a log of the user's own searches, not of
    // the records); clearing it is.
    'search.history.record': ({ query, total }) => {
      const id = repos.searchCatalogue.addHistory(query.text, JSON.stringify(query), total ?? null, ctx.actor(), nowOf(ctx), HISTORY_KEEP, visible());
      return toHistory(repos.searchCatalogue.listHistory(HISTORY_KEEP).find((h) => h.id === id)!);
    },

    'search.history.clear': () =>
      ctx.catalogue.transaction(() => {
        const cleared = repos.searchCatalogue.clearHistory();
        audit(ctx, 'search.history.clear', 'search_history', null, { entries: cleared }, null);
        return { cleared };
      }),
  };
}
