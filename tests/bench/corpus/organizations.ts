import { COMMUNE_NAMES, PROVINCES, districtParts, type ProvinceDef } from './geography';
import { Rng } from './prng';

/**
 * The bodies that produced the generated archive, with their fonds and 2025 lineage: provincial
 * committees and their departments, district committees (ended 30/6/2025) and their departments,
 * commune committees (merged into new communes from 1/7/2025), and the new communes.
 */

export type Role = 'committee' | 'office' | 'organization' | 'inspection' | 'propaganda' | 'massmob' | 'internal' | 'bloc';

export interface CorpusOrganization {
  /** Unique code; a body holding its own fonds uses it as the fonds code. */
  code: string;
  /** As named in running text and in the organizations table: `Huyện ủy Krông Pắc`. */
  name: string;
  level: 'province' | 'district' | 'commune' | 'agency';
  parentCode: string | null;
  /** First and last day of activity (ISO); null = before/after the corpus span. */
  startDate: string | null;
  endDate: string | null;
  /** Bodies that took over its records and unfinished work in 2025. */
  successorCodes: string[];
  /** The fonds its records belong to: its own, or its committee's for a district department. */
  fondsCode: string;
  /** Header lines as printed: issuing body and superior body. */
  headerIssuer: string;
  headerParent: string | null;
  /** The issuer part of its number-symbols: `TU`, `HU`, `ĐU`, `VPTU`, `UBKTHU`… */
  symbolSuffix: string;
  /** Place in its dateline. */
  place: string;
  province: string;
  role: Role;
  /** Committee word used in `T/M …` and `Lưu Văn phòng …`: `TỈNH ỦY`, `HUYỆN ỦY`, `ĐẢNG ỦY`. */
  committeeWord: string;
  /** How its committee is named in running text: `Tỉnh ủy`, `Huyện ủy`, `Đảng ủy`. */
  committeeShort: string;
  /** Relative number of documents a year. */
  weight: number;
}

export interface CorpusFonds {
  code: string;
  name: string;
  organizationCode: string;
  status: 'open' | 'closed';
}

const DISTRICT_END = '2025-06-30';
const NEW_START = '2025-07-01';

function upper(s: string): string {
  return s.toLocaleUpperCase('vi');
}

interface Dept {
  key: string;
  header: string;
  name: string;
  prefix: string;
  role: Role;
  weight: number;
  endDate?: string;
  startDate?: string;
}

const PROVINCE_DEPTS: Dept[] = [
  { key: 'VP', header: 'VĂN PHÒNG', name: 'Văn phòng', prefix: 'VP', role: 'office', weight: 14 },
  { key: 'BTC', header: 'BAN TỔ CHỨC', name: 'Ban Tổ chức', prefix: 'BTC', role: 'organization', weight: 9 },
  { key: 'UBKT', header: 'ỦY BAN KIỂM TRA', name: 'Ủy ban Kiểm tra', prefix: 'UBKT', role: 'inspection', weight: 9 },
  { key: 'BTG', header: 'BAN TUYÊN GIÁO', name: 'Ban Tuyên giáo', prefix: 'BTG', role: 'propaganda', weight: 6, endDate: '2025-02-28' },
  { key: 'BDV', header: 'BAN DÂN VẬN', name: 'Ban Dân vận', prefix: 'BDV', role: 'massmob', weight: 5, endDate: '2025-02-28' },
  { key: 'BTGDV', header: 'BAN TUYÊN GIÁO VÀ DÂN VẬN', name: 'Ban Tuyên giáo và Dân vận', prefix: 'BTGDV', role: 'propaganda', weight: 11, startDate: '2025-03-01' },
  { key: 'BNC', header: 'BAN NỘI CHÍNH', name: 'Ban Nội chính', prefix: 'BNC', role: 'internal', weight: 4, startDate: '2007-01-01' },
];
const DISTRICT_DEPTS: Dept[] = [
  { key: 'VP', header: 'VĂN PHÒNG', name: 'Văn phòng', prefix: 'VP', role: 'office', weight: 3 },
  { key: 'BTC', header: 'BAN TỔ CHỨC', name: 'Ban Tổ chức', prefix: 'BTC', role: 'organization', weight: 2 },
  { key: 'UBKT', header: 'ỦY BAN KIỂM TRA', name: 'Ủy ban Kiểm tra', prefix: 'UBKT', role: 'inspection', weight: 2 },
  { key: 'BTG', header: 'BAN TUYÊN GIÁO', name: 'Ban Tuyên giáo', prefix: 'BTG', role: 'propaganda', weight: 1 },
  { key: 'BDV', header: 'BAN DÂN VẬN', name: 'Ban Dân vận', prefix: 'BDV', role: 'massmob', weight: 1 },
];

/** Đắk Nông was split from Đắk Lắk in 2004. */
const PROVINCE_START: Record<string, string> = { 'Đắk Nông': '2004-01-01' };

function buildProvince(p: ProvinceDef, pi: number, seed: number, out: CorpusOrganization[]): void {
  const pcode = `T${String(pi + 1).padStart(2, '0')}`;
  const city = p.kind === 'thanhpho';
  const committeeWord = city ? 'THÀNH ỦY' : 'TỈNH ỦY';
  const committeeShort = city ? 'Thành ủy' : 'Tỉnh ủy';
  const provinceHeader = `${committeeWord} ${upper(p.name)}`;
  const partyBody = `ĐẢNG BỘ ${city ? 'THÀNH PHỐ' : 'TỈNH'} ${upper(p.name)}`;
  const ended = p.mergedInto ? DISTRICT_END : null;
  const start = PROVINCE_START[p.name] ?? null;
  const successorOf = (name: string) => `T${String(PROVINCES.findIndex((q) => q.name === name) + 1).padStart(2, '0')}`;
  const base = {
    province: p.name,
    place: p.name,
    committeeWord,
    committeeShort,
  };
  out.push({
    ...base,
    code: pcode,
    name: `${committeeShort} ${p.name}`,
    level: 'province',
    parentCode: null,
    startDate: start,
    endDate: ended,
    successorCodes: p.mergedInto ? [successorOf(p.mergedInto)] : [],
    fondsCode: pcode,
    headerIssuer: provinceHeader,
    headerParent: null,
    symbolSuffix: 'TU',
    role: 'committee',
    weight: 40,
  });
  out.push({
    ...base,
    code: `${pcode}.DUK`,
    name: `Đảng ủy Khối các cơ quan ${city ? 'thành phố' : 'tỉnh'} ${p.name}`,
    level: 'agency',
    parentCode: pcode,
    startDate: start,
    endDate: ended ?? '2025-02-28',
    successorCodes: [],
    fondsCode: `${pcode}.DUK`,
    headerIssuer: `ĐẢNG ỦY KHỐI CÁC CƠ QUAN ${city ? 'THÀNH PHỐ' : 'TỈNH'}`,
    headerParent: partyBody,
    symbolSuffix: 'ĐUK',
    role: 'bloc',
    weight: 5,
  });
  for (const d of PROVINCE_DEPTS) {
    const dStart = d.startDate && (!start || d.startDate > start) ? d.startDate : start;
    if (p.mergedInto && d.startDate && d.startDate > '2025-01-01') continue;
    out.push({
      ...base,
      code: `${pcode}.${d.key}`,
      name: `${d.name} ${committeeShort} ${p.name}`,
      level: 'agency',
      parentCode: pcode,
      startDate: dStart,
      endDate: d.endDate && (!ended || d.endDate < ended) ? d.endDate : ended,
      successorCodes: d.endDate ? [`${pcode}.BTGDV`] : p.mergedInto ? [`${successorOf(p.mergedInto)}.${d.key}`] : [],
      fondsCode: `${pcode}.${d.key}`,
      headerIssuer: d.header,
      headerParent: provinceHeader,
      symbolSuffix: `${d.prefix}TU`,
      role: d.role,
      weight: d.weight,
    });
  }
  // Fix the Tuyên giáo / Dân vận succession in a merged province (no BTGDV of its own).
  if (p.mergedInto) {
    for (const o of out) {
      if (o.province === p.name && (o.code.endsWith('.BTG') || o.code.endsWith('.BDV'))) o.successorCodes = [`${successorOf(p.mergedInto)}.BTGDV`];
    }
  }

  // The post-2025 communes of this province (or of the province it merged into) are made below.
  const rng = Rng.of(seed, 'communes', p.name);
  const newCommunes: CorpusOrganization[] = [];
  const successorProvince = p.mergedInto ?? p.name;
  const succProvinceIdx = PROVINCES.findIndex((q) => q.name === successorProvince);
  const succCode = `T${String(succProvinceIdx + 1).padStart(2, '0')}`;
  const succCity = PROVINCES[succProvinceIdx]!.kind === 'thanhpho';
  const succPartyBody = `ĐẢNG BỘ ${succCity ? 'THÀNH PHỐ' : 'TỈNH'} ${upper(successorProvince)}`;

  p.districts.forEach((raw, di) => {
    const { kind, name } = districtParts(raw);
    const dcode = `${pcode}.H${String(di + 1).padStart(2, '0')}`;
    const dWord = kind === 'thanhpho' ? 'THÀNH ỦY' : kind === 'thixa' ? 'THỊ ỦY' : kind === 'quan' ? 'QUẬN ỦY' : 'HUYỆN ỦY';
    const dShort = kind === 'thanhpho' ? 'Thành ủy' : kind === 'thixa' ? 'Thị ủy' : kind === 'quan' ? 'Quận ủy' : 'Huyện ủy';
    const dSuffix = kind === 'quan' ? 'QU' : kind === 'huyen' ? 'HU' : 'TU';
    const dHeader = `${dWord} ${upper(name)}`;
    const dPartyBody = `ĐẢNG BỘ ${kind === 'thanhpho' ? 'THÀNH PHỐ' : kind === 'thixa' ? 'THỊ XÃ' : kind === 'quan' ? 'QUẬN' : 'HUYỆN'} ${upper(name)}`;
    const dBase = { province: p.name, place: name, committeeWord: dWord, committeeShort: dShort };
    const districtIdx = out.length;
    out.push({
      ...dBase,
      code: dcode,
      name: `${dShort} ${name}`,
      level: 'district',
      parentCode: pcode,
      startDate: start,
      endDate: DISTRICT_END,
      successorCodes: [],
      fondsCode: dcode,
      headerIssuer: dHeader,
      headerParent: partyBody,
      symbolSuffix: dSuffix,
      role: 'committee',
      weight: 10,
    });
    for (const d of DISTRICT_DEPTS) {
      out.push({
        ...dBase,
        code: `${dcode}.${d.key}`,
        name: `${d.name} ${dShort} ${name}`,
        level: 'agency',
        parentCode: dcode,
        startDate: start,
        endDate: DISTRICT_END,
        successorCodes: [],
        // A district's advisory bodies are filed in the district committee's fonds.
        fondsCode: dcode,
        headerIssuer: d.header,
        headerParent: dHeader,
        symbolSuffix: `${d.prefix}${dSuffix}`,
        role: d.role,
        weight: d.weight,
      });
    }
    const urban = kind !== 'huyen';
    const nCommunes = rng.int(6, 14);
    const names = rng.sample(COMMUNE_NAMES, nCommunes);
    const communes: CorpusOrganization[] = names.map((cname, ci) => {
      const ward = kind === 'quan' || (urban && rng.chance(0.75));
      const town = !urban && ci === 0;
      const cWord = ward ? 'PHƯỜNG' : town ? 'THỊ TRẤN' : 'XÃ';
      const cShort = ward ? 'phường' : town ? 'thị trấn' : 'xã';
      return {
        province: p.name,
        place: cname,
        committeeWord: 'ĐẢNG ỦY',
        committeeShort: 'Đảng ủy',
        code: `${dcode}.X${String(ci + 1).padStart(2, '0')}`,
        name: `Đảng ủy ${cShort} ${cname}`,
        level: 'commune',
        parentCode: dcode,
        startDate: start,
        endDate: DISTRICT_END,
        successorCodes: [],
        fondsCode: `${dcode}.X${String(ci + 1).padStart(2, '0')}`,
        headerIssuer: `ĐẢNG ỦY ${cWord} ${upper(cname)}`,
        headerParent: dPartyBody,
        symbolSuffix: 'ĐU',
        role: 'committee',
        weight: 1.2,
      };
    });
    out.push(...communes);
    // 2025: every three or four old communes become one new commune directly under the province.
    const districtSuccessors: string[] = [];
    for (let k = 0; k < communes.length; k += 3 + (k % 2)) {
      const group = communes.slice(k, k + 3 + (k % 2));
      const nname = k === 0 ? name : group[0]!.place;
      const ward = urban && group.some((c) => c.headerIssuer.includes('PHƯỜNG'));
      const ncode = `${succCode}.N${String(pi + 1).padStart(2, '0')}${String(di + 1).padStart(2, '0')}${String(k + 1).padStart(2, '0')}`;
      const nc: CorpusOrganization = {
        province: successorProvince,
        place: nname,
        committeeWord: 'ĐẢNG ỦY',
        committeeShort: 'Đảng ủy',
        code: ncode,
        name: `Đảng ủy ${ward ? 'phường' : 'xã'} ${nname}`,
        level: 'commune',
        parentCode: succCode,
        startDate: NEW_START,
        endDate: null,
        successorCodes: [],
        fondsCode: ncode,
        headerIssuer: `ĐẢNG ỦY ${ward ? 'PHƯỜNG' : 'XÃ'} ${upper(nname)}`,
        headerParent: succPartyBody,
        symbolSuffix: 'ĐU',
        role: 'committee',
        weight: 60,
      };
      newCommunes.push(nc);
      for (const g of group) g.successorCodes = [ncode];
      districtSuccessors.push(ncode);
    }
    out[districtIdx]!.successorCodes = districtSuccessors;
    for (const o of out) if (o.parentCode === dcode && o.level === 'agency') o.successorCodes = [...districtSuccessors.slice(0, 1)];
  });
  out.push(...newCommunes);
}

let cached: { seed: number; orgs: CorpusOrganization[] } | null = null;

/** Every body of the generated archive (deterministic for a seed). */
export function corpusOrganizations(seed = 1): CorpusOrganization[] {
  if (cached?.seed === seed) return cached.orgs;
  const out: CorpusOrganization[] = [];
  PROVINCES.forEach((p, i) => buildProvince(p, i, seed, out));
  cached = { seed, orgs: out };
  return out;
}

/** The fonds of the generated archive: one per body holding its own records. */
export function corpusFonds(seed = 1): CorpusFonds[] {
  const orgs = corpusOrganizations(seed);
  return orgs
    .filter((o) => o.fondsCode === o.code)
    .map((o) => ({
      code: o.code,
      name: `Phông ${o.name}`,
      organizationCode: o.code,
      status: o.endDate ? 'closed' : 'open',
    }));
}

