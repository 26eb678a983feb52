import { describe, expect, it } from 'vitest';
import { type AuditAnchor, anchorProblemVi, compareAnchors } from '../../../shared/safety/auditAnchors';

const h = (n: number) => n.toString(16).padStart(64, '0');
const chain = new Map([1, 2, 3, 4, 5].map((id) => [id, h(id)]));
const hashOf = (id: number) => chain.get(id) ?? null;
const anchor = (lastId: number, headHash: string, at = '2025-06-01T00:00:00Z', source: AuditAnchor['source'] = 'backup'): AuditAnchor => ({ source, label: `b${lastId}`, lastId, headHash, at });

describe('compareAnchors', () => {
  it('a witness of a row the chain still has, with the same hash, matches', () => {
    expect(compareAnchors([anchor(3, h(3)), anchor(5, h(5), null as never, 'witness')], hashOf, 5, [])).toEqual([
      expect.objectContaining({ status: 'matches' }),
      expect.objectContaining({ status: 'matches' }),
    ]);
  });

  it('a witness past the chain’s end: cut short', () => {
    const [f] = compareAnchors([anchor(7, h(7))], hashOf, 5, []);
    expect(f).toMatchObject({ status: 'truncated', catalogueLastId: 5 });
    expect(anchorProblemVi(f!)).toContain('bị cắt bớt');
  });

  it('a witness whose row now has another hash: rewritten', () => {
    const [f] = compareAnchors([anchor(4, 'f'.repeat(64))], hashOf, 5, []);
    expect(f).toMatchObject({ status: 'rewritten', actualHash: h(4) });
    expect(anchorProblemVi(f!)).toContain('tính lại chuỗi');
  });

  it('a witness taken before a recorded restore, of rows it took back, is superseded; one on the common part is still compared', () => {
    const restore = { rowId: 6, at: '2025-07-01T00:00:00Z', toLastId: 3 };
    const [old, common, after] = compareAnchors(
      [anchor(9, h(9), '2025-06-15T00:00:00Z'), anchor(2, 'e'.repeat(64), '2025-06-15T00:00:00Z'), anchor(9, h(9), '2025-07-02T00:00:00Z')],
      hashOf,
      6,
      [restore],
    );
    expect(old).toMatchObject({ status: 'superseded' });
    expect(common).toMatchObject({ status: 'rewritten' });
    expect(after).toMatchObject({ status: 'truncated' });
  });
});
