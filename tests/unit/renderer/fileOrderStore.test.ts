/** The order of a fonds' files arranged on screen before it is saved (fileOrderStore). */
import { beforeEach, describe, expect, it } from 'vitest';
import { isArranged, shownOrder, useFileOrderStore } from '../../../renderer/src/stores/fileOrderStore';

const store = useFileOrderStore.getState;

describe('fileOrderStore', () => {
  beforeEach(() => store().discard());

  it('moves from the stored order, then from the order arranged so far', () => {
    const base = [10, 20, 30, 40];
    store().move({ fondsId: 1, base, chosen: [30] }, -1);
    expect(store().order).toEqual([10, 30, 20, 40]);
    store().move({ fondsId: 1, base, chosen: [30] }, -1);
    expect(store().order).toEqual([30, 10, 20, 40]);
    store().moveToEnd({ fondsId: 1, base, chosen: [10, 20] }, 'bottom');
    expect(store().order).toEqual([30, 40, 10, 20]);
    expect(isArranged(base, store().order)).toBe(true);
  });

  it('forgets the order of another fonds, and discards', () => {
    store().move({ fondsId: 1, base: [1, 2], chosen: [2] }, -1);
    store().move({ fondsId: 2, base: [5, 6, 7], chosen: [7] }, -1);
    expect(store()).toMatchObject({ fondsId: 2, order: [5, 7, 6] });
    store().discard();
    expect(store()).toMatchObject({ fondsId: null, order: null });
  });

  it('shows the arranged order brought up to date with the list: files gone dropped, new ones last', () => {
    expect(shownOrder([1, 2, 3], null)).toEqual([1, 2, 3]);
    expect(shownOrder([1, 2, 4], [3, 2, 1])).toEqual([2, 1, 4]);
    // Moved back to where it was: nothing left to save.
    expect(isArranged([1, 2, 3], [1, 2, 3])).toBe(false);
  });
});
