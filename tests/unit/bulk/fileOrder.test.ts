/** Moving chosen files in a list and the numbers an order gives them (shared/bulk/fileOrder.ts). */
import { describe, expect, it } from 'vitest';
import { collisions, inCodeOrder, moveChosen, moveChosenToEnd, renumberCodes, reorderCodes } from '../../../shared/bulk/fileOrder';

describe('moving chosen files', () => {
  const order = [1, 2, 3, 4, 5];
  it('moves one up or down, and not past the edge', () => {
    expect(moveChosen(order, new Set([3]), -1)).toEqual([1, 3, 2, 4, 5]);
    expect(moveChosen(order, new Set([3]), 1)).toEqual([1, 2, 4, 3, 5]);
    expect(moveChosen(order, new Set([1]), -1)).toEqual(order);
    expect(moveChosen(order, new Set([5]), 1)).toEqual(order);
  });
  it('moves several together, keeping their order; one at the edge stays and the others close up', () => {
    expect(moveChosen(order, new Set([2, 4]), -1)).toEqual([2, 1, 4, 3, 5]);
    expect(moveChosen(order, new Set([3, 4]), 1)).toEqual([1, 2, 5, 3, 4]);
    expect(moveChosen(order, new Set([1, 3]), -1)).toEqual([1, 3, 2, 4, 5]);
    expect(moveChosen(order, new Set([4, 5]), 1)).toEqual(order);
  });
  it('moves the chosen to the top or the bottom', () => {
    expect(moveChosenToEnd(order, new Set([4, 2]), 'top')).toEqual([2, 4, 1, 3, 5]);
    expect(moveChosenToEnd(order, new Set([1, 3]), 'bottom')).toEqual([2, 4, 5, 1, 3]);
  });
});

describe('numbers an order gives', () => {
  it('orders numbers by value (2 before 10)', () => {
    expect(inCodeOrder([{ id: 1, code: '10' }, { id: 2, code: '2' }, { id: 3, code: '1' }]).map((f) => f.code)).toEqual(['1', '2', '10']);
  });
  it('exchanges the numbers held to follow the new order, naming only those that change', () => {
    const plan = reorderCodes([{ id: 3, code: '10' }, { id: 1, code: '2' }, { id: 2, code: '5' }]);
    expect(plan.changes).toEqual([
      { id: 3, from: '10', to: '2' },
      { id: 1, from: '2', to: '5' },
      { id: 2, from: '5', to: '10' },
    ]);
    expect(plan.kept).toEqual([]);
  });
  it('leaves a locked file its number and shares the rest among the others', () => {
    const plan = reorderCodes([{ id: 3, code: '3' }, { id: 2, code: '2' }, { id: 1, code: '1', locked: true }]);
    expect(plan.kept).toEqual([{ id: 1, code: '1' }]);
    expect(plan.changes).toEqual([
      { id: 3, from: '3', to: '2' },
      { id: 2, from: '2', to: '3' },
    ]);
  });
  it('renumbers from a start with a prefix; a locked file keeps its number and the new one collides', () => {
    const files = [{ id: 1, code: '7' }, { id: 2, code: '1', locked: true }, { id: 3, code: 'HS-3' }];
    const plan = renumberCodes(files, 1, '');
    expect(plan.changes).toEqual([
      { id: 1, from: '7', to: '1' },
      { id: 3, from: 'HS-3', to: '3' },
    ]);
    expect(plan.kept).toEqual([{ id: 2, code: '1' }]);
    expect(collisions(plan, files)).toEqual(['1']);
    // HS-3 already holds its new number.
    expect(renumberCodes(files, 1, 'HS-').changes.map((c) => c.to)).toEqual(['HS-1']);
  });
});
