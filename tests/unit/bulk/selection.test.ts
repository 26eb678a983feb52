import { describe, expect, it } from 'vitest';
import { click, emptySelection, isSelected, pageSelected, selectAll, selectedCount, toRequest, toggle, togglePage } from '../../../shared/bulk/selection';

const page = [11, 12, 13, 14, 15];
type Q = { fileId: number };

describe('selecting rows of a list', () => {
  it('selects one row on a click, adds and takes away with Ctrl, and a run with Shift', () => {
    let s = click(emptySelection<Q>(), 12, page);
    expect(s.ids).toEqual([12]);
    s = click(s, 14, page, { toggle: true });
    expect([...s.ids].sort()).toEqual([12, 14]);
    s = click(s, 12, page, { toggle: true });
    expect(s.ids).toEqual([14]);
    // Shift from the anchor (12, the last row Ctrl-clicked) to 15 adds 12–15.
    s = click(s, 15, page, { shift: true });
    expect([...s.ids].sort()).toEqual([12, 13, 14, 15]);
    expect(selectedCount(s)).toBe(4);
    // Another Shift-click moves the other end from the same anchor.
    s = click(s, 11, page, { shift: true });
    expect([...s.ids].sort()).toEqual([11, 12, 13, 14, 15]);
    // A plain click starts again.
    s = click(s, 15, page);
    expect(s.ids).toEqual([15]);
  });

  it('ticks a checkbox without losing the rest, and Shift on a checkbox selects the run', () => {
    let s = toggle(emptySelection<Q>(), 11, page);
    s = toggle(s, 13, page);
    expect([...s.ids].sort()).toEqual([11, 13]);
    s = toggle(s, 15, page, { shift: true });
    expect([...s.ids].sort()).toEqual([11, 13, 14, 15]);
  });

  it('selects the page, and takes it away when it was all selected', () => {
    let s = togglePage(emptySelection<Q>(), page);
    expect(pageSelected(s, page)).toBe(true);
    s = togglePage(s, page);
    expect(selectedCount(s)).toBe(0);
  });

  it('selects all that match as a query, with the rows unticked after it left out', () => {
    let s = selectAll<Q>({ fileId: 7 }, 3_000);
    expect(selectedCount(s)).toBe(3_000);
    expect(isSelected(s, 123_456)).toBe(true);
    s = toggle(s, 12, page);
    expect(isSelected(s, 12)).toBe(false);
    expect(selectedCount(s)).toBe(2_999);
    expect(toRequest(s, (q, except) => ({ kind: 'list' as const, ...q, except }))).toEqual({ kind: 'list', fileId: 7, except: [12] });
    s = toggle(s, 12, page);
    expect(toRequest(s, (q, except) => ({ kind: 'list' as const, ...q, except }))).toEqual({ kind: 'list', fileId: 7, except: [] });
  });

  it('sends explicit ids, or nothing when nothing is selected', () => {
    expect(toRequest(emptySelection<Q>(), () => null)).toBeNull();
    expect(toRequest(click(emptySelection<Q>(), 13, page), () => null)).toEqual({ kind: 'ids', ids: [13] });
  });
});
