/**
 * Shared empty lists for store selectors: a selector must return the same value while the state
 * is unchanged (zustand compares with Object.is), so `?? []` inline would re-render forever.
 */
export const EMPTY_LIST: readonly never[] = Object.freeze([]);
