import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FacetGroup, FacetKey } from '../../../shared/contract/types/search';
import { createServices } from '../../../electron/services/createServices';
import { createDispatch } from '../../../electron/services/dispatch';
import { ApiError } from '../../../shared/contract/errors';
import { buildCatalogue } from '../../bench/search/buildCatalogue';
import { tempDir, type TestApp } from '../../support/services';
import { start } from './helpers';

/**
 * Filters and facets on a generated catalogue (800 documents, 14 provinces,
 * their districts and communes with the 2025 lineage, files with retention, completion and
 * handover states), built through the repositories.
 */

let dir: string;
beforeAll(() => {
  dir = tempDir('kholuu-search-facets-');
  buildCatalogue(path.join(dir, 'catalogue.sqlite'), { size: 800, texts: 600, seed: 7 });
}, 120_000);

/** The filter a facet value stands for (an organization with its lineage, as the app picks it). */
function filterOf(key: FacetKey, value: string): Record<string, unknown> {
  const num = Number(value);
  switch (key) {
    case 'fonds':
      return { fondsIds: [num] };
    case 'organization':
      return { organizationIds: [num] };
    case 'file':
      return value === 'none' ? { unfiled: true } : { fileIds: [num] };
    case 'docType':
      return { docTypes: [value] };
    case 'issuer':
      return { issuers: [value] };
    case 'signer':
      return { signers: [value] };
    case 'year':
      return value === 'none' ? { undated: true } : { dateFrom: `${value}-01-01`, dateTo: `${value}-12-31` };
    case 'retentionClass':
      return { retentionClasses: [value] };
    case 'retention':
      return { retentionCodes: [value] };
    case 'completion':
      return { completion: [value] };
    case 'handover':
      return { handoverStatuses: [value] };
    case 'security':
      return { securityLevels: [value] };
  }
}

/** The filter fields each facet sets (replaced, not added to, when its value is picked). */
const FIELDS: Record<FacetKey, string[]> = {
  fonds: ['fondsIds'],
  organization: ['organizationIds', 'organizationLineage'],
  file: ['fileIds', 'unfiled'],
  docType: ['docTypes'],
  issuer: ['issuers'],
  signer: ['signers'],
  year: ['dateFrom', 'dateTo', 'undated'],
  retentionClass: ['retentionClasses'],
  retention: ['retentionCodes'],
  completion: ['completion'],
  handover: ['handoverStatuses'],
  security: ['securityLevels'],
};

function pick(base: Record<string, unknown>, key: FacetKey, value: string): Record<string, unknown> {
  const out = { ...base };
  for (const f of FIELDS[key]) delete out[f];
  return { ...out, ...filterOf(key, value) };
}

/** Values checked per facet: the largest, the smallest, and the "none" value (undated, unfiled…). */
function valuesToCheck(g: FacetGroup) {
  const listed = g.values.filter((v) => v.count > 0 || v.selected);
  const chosen = new Set([...listed.slice(0, 4), ...listed.slice(-2), ...listed.filter((v) => v.value === 'none')]);
  return [...chosen];
}

/**
 * What an archivist types (20 queries: words with and without diacritics, a typo, a quoted phrase,
 * a number-symbol, a pasted subject) — in typing mode as the box holds them mid-word.
 */
const QUERIES = [
  'công tác',
  'ban giao',
  'ban chấp hành',
  'đảng viên',
  'nghị quyết',
  'kinh tế - xã hội',
  'tỉnh ủy',
  'chuyển đổi số',
  'nông thôn mới',
  'kiểm tra, giám sát',
  'bao cao ket qua',
  'ke hoach',
  'huyện ủy',
  'cán bộ',
  'kỷ luật đảng viên',
  'tuyen giaso',
  '"ban thường vụ"',
  'KL/TU',
  'giảm nghèo bền vững',
  'về việc triển khai thực hiện nghị quyết của ban chấp hành',
];
const typed = (q: string) => (/[\p{L}]{4,}$/u.test(q) ? q.slice(0, -1) : q);

async function expectFacetsAddUp(app: TestApp, text: string, typing: boolean, filters: Record<string, unknown>) {
  const facets = await app.call('search.facets', { text, typing, filters: filters as never, limit: 500 });
  const result = await app.call('search.query', { text, typing, filters: filters as never, limit: 1 });
  const where = `${JSON.stringify(text)} ${typing ? 'typing' : 'submitted'} ${JSON.stringify(filters)}`;
  expect(result.totalExact, where).toBe(true);
  expect(facets.total, `${where}: facets total`).toBe(result.total);
  let checked = 0;
  for (const g of facets.groups) {
    for (const v of valuesToCheck(g)) {
      const r = await app.call('search.query', { text, typing, filters: pick(filters, g.key, v.value) as never, limit: 1 });
      expect(r.total, `${where}: ${g.key}=${v.value}`).toBe(v.count);
      checked++;
    }
  }
  return { total: result.total, checked };
}

describe('search filters and facets', () => {
  it('counts every facet as the search finds once its value is picked: 20 queries, typing and submitted', async () => {
    const app = start(dir);
    const all = await app.call('search.facets', { limit: 500 });
    expect(all.total).toBe(800);
    expect(all.groups.map((g) => g.key)).toEqual(['fonds', 'organization', 'file', 'docType', 'issuer', 'signer', 'year', 'retentionClass', 'retention', 'completion', 'handover', 'security']);
    // The generated catalogue holds undated and unfiled documents: their facet values are pickable too.
    expect(all.groups.find((g) => g.key === 'year')!.values.find((v) => v.value === 'none')!.count).toBeGreaterThan(0);
    expect(all.groups.find((g) => g.key === 'file')!.values.find((v) => v.value === 'none')!.count).toBeGreaterThan(0);
    expect((await expectFacetsAddUp(app, '', false, {})).checked).toBeGreaterThan(40);
    let found = 0;
    for (const q of QUERIES) {
      const submitted = await expectFacetsAddUp(app, q, false, {});
      if (submitted.total > 0) found++;
      await expectFacetsAddUp(app, typed(q), true, {});
    }
    expect(found).toBeGreaterThanOrEqual(18);
  }, 300_000);

  it('counts every facet under filters already picked, typing and submitted', async () => {
    const app = start(dir);
    const types = (await app.call('search.facets', {})).groups.find((g) => g.key === 'docType')!.values;
    const filtered: Array<Record<string, unknown>> = [
      { docTypes: [types[0]!.value, types[1]!.value] },
      { undated: true },
      { dateFrom: '2023-01-01', dateTo: '2025-12-31', unfiled: true },
      { handoverStatuses: ['not_started'], retentionClasses: ['permanent'] },
    ];
    for (const filters of filtered) {
      for (const q of ['', 'công tác', 'ban chấp hành', 'tuyen giaso', 'KL/TU']) {
        await expectFacetsAddUp(app, q, false, filters);
        await expectFacetsAddUp(app, typed(q), true, filters);
      }
    }
  }, 300_000);

  it('applies each filter to every hit, combined with the words', async () => {
    const app = start(dir);
    const facets = await app.call('search.facets', { text: 'ban' });
    const type = facets.groups.find((g) => g.key === 'docType')!.values[0]!.value;
    const year = facets.groups.find((g) => g.key === 'year')!.values.find((v) => v.value !== 'none')!.value;
    const r = await app.call('search.query', { text: 'ban', filters: { docTypes: [type], dateFrom: `${year}-01-01`, dateTo: `${year}-12-31` }, limit: 200 });
    expect(r.total).toBeGreaterThan(0);
    for (const h of r.hits) {
      expect(h.docType).toBe(type);
      expect(h.issueDate!.slice(0, 4)).toBe(year);
    }
    const permanentDone = await app.call('search.query', { text: '', filters: { retentionClasses: ['permanent'], completion: ['completed'], handoverStatuses: ['handed_over'] }, limit: 200 });
    for (const h of permanentDone.hits.slice(0, 30)) {
      const file = (await app.call('documents.get', { id: h.documentId })).file!;
      expect(file.retention?.retentionClass).toBe('permanent');
      expect(file.completion).toBe('completed');
      expect(file.handoverStatus).toBe('handed_over');
    }
    // The facet's own filter is ignored for its counts, so other values stay pickable.
    const picked = await app.call('search.facets', { text: 'ban', filters: { docTypes: [type] } });
    const types = picked.groups.find((g) => g.key === 'docType')!.values;
    expect(types.find((v) => v.value === type)!.selected).toBe(true);
    expect(types.filter((v) => v.count > 0).length).toBeGreaterThan(1);
  });

  it('follows an organization through its 2025 lineage', async () => {
    const app = start(dir);
    const orgs = await app.call('organizations.list', {});
    const facets = await app.call('search.facets', { limit: 500 });
    const orgFacet = facets.groups.find((g) => g.key === 'organization')!;
    // A district committee that ended in 2025 with records, and the new communes that took them over.
    const district = orgs.find((o) => o.level === 'district' && o.successors.length > 0 && orgFacet.values.some((v) => v.value === String(o.id) && v.count > 0))!;
    expect(district).toBeDefined();
    const own = await app.call('search.query', { text: '', filters: { organizationIds: [district.id], organizationLineage: false } });
    const lineage = await app.call('search.query', { text: '', filters: { organizationIds: [district.id] } });
    expect(lineage.total).toBeGreaterThan(own.total);
    const succ = await app.call('search.query', { text: '', filters: { organizationIds: district.successors.map((s) => s.organizationId), organizationLineage: false } });
    expect(lineage.total).toBeGreaterThanOrEqual(own.total + succ.total);
    expect(orgFacet.values.find((v) => v.value === String(district.id))!.detail).toMatch(/→/);
  });

  it('sorts by date either way and by number', async () => {
    const app = start(dir);
    const desc = await app.call('search.query', { text: 'đảng', sort: 'date_desc', limit: 50 });
    const dates = desc.hits.map((h) => h.issueDate).filter((d): d is string => d !== null);
    expect(dates).toEqual([...dates].sort().reverse());
    const asc = await app.call('search.query', { text: '', sort: 'date_asc', limit: 50 });
    const ascDates = asc.hits.map((h) => h.issueDate!);
    expect(ascDates).toEqual([...ascDates].sort());
    const byNumber = await app.call('search.query', { text: 'kế hoạch', sort: 'number', limit: 50 });
    const nums = byNumber.hits.map((h) => Number(/^\d+/.exec(h.numberSymbol ?? '')?.[0] ?? Infinity));
    expect(nums).toEqual([...nums].sort((a, b) => a - b));
    // Paging walks the same order without repeating a document.
    const p1 = await app.call('search.query', { text: 'công tác', limit: 20 });
    const p2 = await app.call('search.query', { text: 'công tác', limit: 20, offset: 20 });
    const both = [...p1.hits, ...p2.hits].map((h) => h.documentId);
    expect(new Set(both).size).toBe(40);
    expect((await app.call('search.query', { text: 'công tác', limit: 40 })).hits.map((h) => h.documentId)).toEqual(both);
  });

  it('counts number order exactly and pages through it, with filters held in memory too', async () => {
    const app = start(dir);
    for (const filters of [{}, { handoverStatuses: ['handed_over', 'not_started'] }] as never[]) {
      const exact = await app.call('search.query', { text: 'công tác', filters, exactTotal: true, limit: 1 });
      expect(exact.total).toBeGreaterThan(60);
      const all = await app.call('search.query', { text: 'công tác', filters, sort: 'number', limit: 60 });
      expect(all.total).toBe(exact.total);
      expect(all.totalExact).toBe(true);
      const nums = all.hits.map((h) => Number(/^\d+/.exec(h.numberSymbol ?? '')?.[0] ?? Infinity));
      expect(nums).toEqual([...nums].sort((a, b) => a - b));
      // Only the first page's worth is ordered: a later page still continues the same order.
      const page3 = await app.call('search.query', { text: 'công tác', filters, sort: 'number', limit: 20, offset: 40 });
      expect(page3.hits.map((h) => h.documentId)).toEqual(all.hits.slice(40).map((h) => h.documentId));
    }
  });

  it('leaves secret documents out of hits and counts when the caller may not see them', async () => {
    const open = start(dir);
    const seen = await open.call('search.facets', {});
    const secretCount = seen.groups.find((g) => g.key === 'security')!.values.filter((v) => v.value !== 'none').reduce((n, v) => n + v.count, 0);
    expect(secretCount).toBeGreaterThan(0);
    await open.close();
    const services = createServices({ cataloguePath: path.join(dir, 'catalogue.sqlite'), host: 'web', version: 'test', samplesDir: null, actor: 'web user' });
    const dispatch = createDispatch(services.handlers, { error: () => {} });
    const call = async (name: string, input: unknown) => {
      const r = await dispatch(name as never, input);
      if (!r.ok) throw ApiError.fromBody(r.error);
      return r.result as never;
    };
    try {
      const hidden = (await call('search.facets', {})) as { total: number; groups: FacetGroup[] };
      expect(hidden.total).toBe(800 - secretCount);
      expect(hidden.groups.find((g) => g.key === 'security')!.values.map((v) => v.value)).toEqual(['none']);
      const r = (await call('search.query', { text: '', filters: { securityLevels: ['mat', 'toi_mat', 'tuyet_mat'] } })) as { total: number };
      expect(r.total).toBe(0);
      const words = (await call('search.query', { text: 'báo cáo', limit: 200 })) as { hits: Array<{ securityLevel: string | null }> };
      expect(words.hits.every((h) => h.securityLevel === null)).toBe(true);
      const suggest = (await call('search.suggest', { text: 'huyen uy' })) as unknown[];
      expect(suggest.length).toBeGreaterThan(0);
    } finally {
      await services.close();
    }
  });

  it('suggests issuers, signers and fonds as the user types, with or without diacritics', async () => {
    const app = start(dir);
    const s = await app.call('search.suggest', { text: 'huyen uy krong' });
    expect(s.length).toBeGreaterThan(0);
    expect(s[0]!.label).toMatch(/huyện ủy krông/i);
    expect(s.some((x) => x.kind === 'issuer' && /^HUYỆN ỦY KRÔNG/.test(x.label))).toBe(true);
    const signer = (await app.call('search.facets', {})).groups.find((g) => g.key === 'signer')!.values[0]!.value;
    const byName = await app.call('search.suggest', { text: signer.split(' ').slice(-2).join(' ') });
    expect(byName.some((x) => x.kind === 'signer' && x.value === signer)).toBe(true);
  });
});

describe('saved searches and history', () => {
  it('saves, renames and deletes searches, refuses a duplicate name, and audits it', async () => {
    const app = start();
    const saved = await app.call('search.saved.save', { name: 'Kết luận về bàn giao', query: { text: 'bàn giao', filters: { docTypes: ['KẾT LUẬN'] }, sort: 'date_desc' } });
    expect(saved.query).toEqual({ text: 'bàn giao', filters: { docTypes: ['KẾT LUẬN'] }, sort: 'date_desc' });
    await expect(app.call('search.saved.save', { name: 'Kết luận về bàn giao', query: { text: 'x' } })).rejects.toMatchObject({ kind: 'conflict' });
    const renamed = await app.call('search.saved.save', { id: saved.id, name: 'Bàn giao 2025', query: saved.query });
    expect((await app.call('search.saved.list', {})).map((s) => s.name)).toEqual(['Bàn giao 2025']);
    expect(renamed.createdAt).toBe(saved.createdAt);
    await app.call('search.saved.delete', { id: saved.id });
    expect(await app.call('search.saved.list', {})).toEqual([]);
    const actions = (await app.call('audit.list', { limit: 50 })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['search.saved.create', 'search.saved.update', 'search.saved.delete']));
  });

  it('keeps a history, newest first, without repeating the same search twice in a row', async () => {
    const app = start();
    await app.call('search.history.record', { query: { text: 'một' }, total: 3 });
    await app.call('search.history.record', { query: { text: 'hai' }, total: 0 });
    await app.call('search.history.record', { query: { text: 'hai' }, total: 1 });
    const h = await app.call('search.history.list', {});
    expect(h.map((e) => [e.text, e.total])).toEqual([
      ['hai', 1],
      ['một', 3],
    ]);
    expect((await app.call('search.history.clear', {})).cleared).toBe(2);
    expect(await app.call('search.history.list', {})).toEqual([]);
  });
});
