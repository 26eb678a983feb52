/**
 * What the user has selected in a list, as a pure value: explicit ids, or "every record the list's
 * query holds" less the ids unticked since. Clicks follow the habits of file managers: a click
 * selects one, Ctrl (⌘) adds or takes away one, Shift selects the run from the last one clicked.
 * The query form of "all" is sent to the services as it is, never turned into ids here.
 */

export interface Selection<Q> {
  /** `ids`: exactly `ids`. `all`: everything `query` holds (`total` of them) but `except`. */
  mode: 'ids' | 'all';
  ids: readonly number[];
  except: readonly number[];
  query: Q | null;
  total: number;
  /** The last record clicked without Shift: one end of a Shift range. */
  anchor: number | null;
}

export function emptySelection<Q>(): Selection<Q> {
  return { mode: 'ids', ids: [], except: [], query: null, total: 0, anchor: null };
}

export function isSelected<Q>(s: Selection<Q>, id: number): boolean {
  return s.mode === 'all' ? !s.except.includes(id) : s.ids.includes(id);
}

/** How many records the selection names. */
export function selectedCount<Q>(s: Selection<Q>): number {
  return s.mode === 'all' ? Math.max(0, s.total - s.except.length) : s.ids.length;
}

function withIds<Q>(s: Selection<Q>, add: readonly number[], remove: readonly number[]): Selection<Q> {
  if (s.mode === 'all') {
    const except = new Set(s.except);
    for (const id of add) except.delete(id);
    for (const id of remove) except.add(id);
    return { ...s, except: [...except] };
  }
  const ids = new Set(s.ids);
  for (const id of remove) ids.delete(id);
  for (const id of add) ids.add(id);
  return { ...s, ids: [...ids] };
}

export interface ClickKeys {
  shift?: boolean;
  /** Ctrl, or ⌘ on a Mac. */
  toggle?: boolean;
}

/**
 * A click on a row of the page (`page`: the ids shown, in order). Without keys the row alone is
 * selected; with Ctrl it is added or taken away; with Shift the rows from the anchor to it are
 * added (the anchor stays, so a second Shift-click moves the other end).
 */
export function click<Q>(s: Selection<Q>, id: number, page: readonly number[], keys: ClickKeys = {}): Selection<Q> {
  if (keys.shift && s.anchor !== null && page.includes(s.anchor)) {
    const a = page.indexOf(s.anchor);
    const b = page.indexOf(id);
    const run = page.slice(Math.min(a, b), Math.max(a, b) + 1);
    return withIds(s, run, []);
  }
  if (keys.toggle) return { ...withIds(s, isSelected(s, id) ? [] : [id], isSelected(s, id) ? [id] : []), anchor: id };
  return { ...emptySelection<Q>(), ids: [id], anchor: id };
}

/** The checkbox of a row: adds or takes away that row alone (Shift: the run from the anchor). */
export function toggle<Q>(s: Selection<Q>, id: number, page: readonly number[], keys: ClickKeys = {}): Selection<Q> {
  if (keys.shift) return click(s, id, page, keys);
  return click(s, id, page, { toggle: true });
}

/** Whether every row of the page is selected. */
export function pageSelected<Q>(s: Selection<Q>, page: readonly number[]): boolean {
  return page.length > 0 && page.every((id) => isSelected(s, id));
}

/** The page's checkbox: selects every row of the page, or takes them all away if they all were. */
export function togglePage<Q>(s: Selection<Q>, page: readonly number[]): Selection<Q> {
  return pageSelected(s, page) ? withIds(s, [], page) : withIds(s, page, []);
}

/** Every record the query holds (`total`, as the list counted them). */
export function selectAll<Q>(query: Q, total: number): Selection<Q> {
  return { mode: 'all', ids: [], except: [], query, total, anchor: null };
}

/**
 * The selection as the services take it: explicit ids, or the query with the ids taken away.
 * `asQuery` builds the query form from the list's query and the exceptions.
 */
export function toRequest<Q, R>(s: Selection<Q>, asQuery: (query: Q, except: number[]) => R): { kind: 'ids'; ids: number[] } | R | null {
  if (s.mode === 'all') return s.query === null ? null : asQuery(s.query, [...s.except]);
  return s.ids.length > 0 ? { kind: 'ids', ids: [...s.ids] } : null;
}
