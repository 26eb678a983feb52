import { numberSymbolKey } from '../../../shared/domain/numberSymbol';
import { personName } from './names';
import type { CorpusOrganization, Role } from './organizations';
import { Rng } from './prng';
import { CENTRAL_DOCS, STATE_DOCS, type ReferenceDoc } from './references';
import { TOPICS, TYPE_WORD, type Topic } from './topics';

/**
 * The metadata of one generated document — everything its truth states — decided before any
 * text is written. Drawn from the document's own random stream plus the generator's running state
 * (number sequences, earlier documents to cite).
 */

export interface CitationPlan extends ReferenceDoc {}

export interface DocPlan {
  index: number;
  org: CorpusOrganization;
  abbr: string;
  /** Type word in capitals as printed (`KẾT LUẬN`); for a công văn, `CÔNG VĂN`. */
  typeName: string;
  date: string;
  numberSymbol: string | null;
  /** The header shows `Số    -KH/HU`: the number was never filled in. */
  blankNumber: boolean;
  /** No masthead at all (issuer only in `CỦA BAN THƯỜNG VỤ …` under the type word). */
  headerless: boolean;
  /** Dateline left blank (`ngày … tháng … năm 2024`): no issue date. */
  draftDate: boolean;
  subject: string;
  topic: Topic;
  security: 'mat' | 'toi_mat' | 'tuyet_mat' | null;
  urgency: 'khan' | 'thuong_khan' | 'hoa_toc' | null;
  authority: string[];
  signerTitle: string | null;
  signerName: string | null;
  /** In first-mention order; the subject's own citation (if any) comes first. */
  citations: CitationPlan[];
  subjectCitation: boolean;
  addressees: string[];
  recipients: string[];
  /** Body size aimed at, in UTF-8 bytes. */
  targetBytes: number;
}

const TYPE_NAMES: Record<string, string> = {
  NQ: 'NGHỊ QUYẾT', QĐ: 'QUYẾT ĐỊNH', CT: 'CHỈ THỊ', KL: 'KẾT LUẬN', QC: 'QUY CHẾ', QĐi: 'QUY ĐỊNH', HD: 'HƯỚNG DẪN',
  TB: 'THÔNG BÁO', BC: 'BÁO CÁO', KH: 'KẾ HOẠCH', CTr: 'CHƯƠNG TRÌNH', ĐA: 'ĐỀ ÁN', TTr: 'TỜ TRÌNH', CV: 'CÔNG VĂN', BB: 'BIÊN BẢN',
};

const TYPE_MIX: Record<Role | 'commune', Array<[string, number]>> = {
  committee: [['CV', 22], ['TB', 12], ['BC', 12], ['KH', 9], ['QĐ', 14], ['KL', 7], ['NQ', 4], ['CT', 2], ['QC', 1], ['QĐi', 1], ['HD', 3], ['CTr', 2], ['ĐA', 1.5], ['TTr', 1.5], ['BB', 2]],
  commune: [['CV', 15], ['NQ', 10], ['QĐ', 15], ['BC', 15], ['KH', 12], ['TB', 10], ['BB', 8], ['CTr', 3], ['TTr', 5], ['KL', 5]],
  office: [['CV', 40], ['TB', 25], ['HD', 8], ['BC', 10], ['KH', 5], ['BB', 3]],
  organization: [['HD', 15], ['CV', 30], ['BC', 15], ['KH', 8], ['TTr', 15], ['TB', 8], ['QĐ', 5]],
  inspection: [['QĐ', 25], ['TB', 15], ['BC', 20], ['KH', 10], ['CV', 15], ['KL', 5], ['HD', 4], ['BB', 3]],
  propaganda: [['HD', 25], ['CV', 25], ['KH', 15], ['BC', 20], ['TB', 10], ['ĐA', 2]],
  massmob: [['HD', 20], ['CV', 25], ['KH', 15], ['BC', 25], ['TB', 10]],
  internal: [['BC', 30], ['CV', 30], ['KH', 15], ['HD', 10], ['TB', 10], ['TTr', 5]],
  bloc: [['CV', 25], ['NQ', 5], ['QĐ', 15], ['BC', 15], ['KH', 12], ['TB', 12], ['HD', 8], ['CTr', 3], ['KL', 5]],
};

const TOPIC_AFFINITY: Partial<Record<Role, string[]>> = {
  inspection: ['inspection', 'discipline'],
  organization: ['personnel', 'partyBuilding', 'restructuring'],
  propaganda: ['partyBuilding', 'education', 'religion', 'ethnic', 'massMobilisation', 'digital'],
  massmob: ['massMobilisation', 'religion', 'ethnic'],
  internal: ['defence', 'land', 'discipline'],
};

/** Documents a body issues a year, all types together (order of magnitude, after real registers). */
const ANNUAL: Record<string, number> = {
  province: 3000,
  provinceDept: 700,
  bloc: 300,
  district: 900,
  districtDept: 150,
  commune: 120,
  newCommune: 500,
};

export function termOf(year: number): { start: number; end: number; index: number } {
  const index = Math.max(0, Math.floor((year - 1990) / 5));
  return { start: 1990 + index * 5, end: 1995 + index * 5, index };
}

/** `2025-08-05` → `05/8/2025` (months January and February written `01`, `02`, as is usual). */
export function isoToVn(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${String(d).padStart(2, '0')}/${m <= 2 ? String(m).padStart(2, '0') : m}/${y}`;
}

function pickTopic(rng: Rng, role: Role, year: number, date: string): Topic {
  const allowed = TOPICS.filter((t) => (t.key !== 'restructuring' || date >= '2024-06-01') && (t.key !== 'digital' || year >= 2012));
  const affinity = TOPIC_AFFINITY[role];
  const weights = allowed.map((t) => {
    let w = t.weight;
    if (affinity?.includes(t.key)) w *= 8;
    if (t.key === 'restructuring' && date >= '2025-01-01') w *= 6;
    return w;
  });
  return rng.weighted(allowed, weights);
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** The people holding each post in a body during a term: the same names sign its documents. */
function holder(seed: number, org: CorpusOrganization, term: number, post: string, k = 0): string {
  return personName(Rng.of(seed, 'holder', org.code, term, post, k), org.province);
}

interface Signature {
  authority: string[];
  title: string | null;
  post: string;
}

function signature(rng: Rng, org: CorpusOrganization, abbr: string): Signature {
  const cw = org.committeeWord;
  switch (org.role) {
    case 'committee':
    case 'bloc': {
      if (['NQ', 'CT', 'QC', 'QĐi'].includes(abbr)) {
        return rng.chance(0.75)
          ? { authority: [`T/M ${cw}`], title: 'BÍ THƯ', post: 'bt' }
          : { authority: ['K/T BÍ THƯ'], title: 'PHÓ BÍ THƯ', post: 'pbt' };
      }
      const r = rng.next();
      if (r < 0.55) {
        const t = rng.pick(['BÍ THƯ', 'PHÓ BÍ THƯ', 'PHÓ BÍ THƯ THƯỜNG TRỰC']);
        return { authority: ['T/M BAN THƯỜNG VỤ'], title: t, post: t === 'BÍ THƯ' ? 'bt' : t === 'PHÓ BÍ THƯ' ? 'pbt' : 'pbttt' };
      }
      if (r < 0.85 || org.level === 'commune') return { authority: ['K/T BÍ THƯ'], title: 'PHÓ BÍ THƯ', post: 'pbt' };
      return { authority: ['T/L BAN THƯỜNG VỤ'], title: 'CHÁNH VĂN PHÒNG', post: 'cvp' };
    }
    case 'office':
      return rng.chance(0.6)
        ? { authority: ['T/L BAN THƯỜNG VỤ'], title: 'CHÁNH VĂN PHÒNG', post: 'cvp' }
        : { authority: ['T/L BAN THƯỜNG VỤ', 'K/T CHÁNH VĂN PHÒNG'], title: 'PHÓ CHÁNH VĂN PHÒNG', post: 'pcvp' };
    case 'inspection':
      return rng.chance(0.5)
        ? { authority: ['T/M ỦY BAN KIỂM TRA'], title: 'CHỦ NHIỆM', post: 'cn' }
        : { authority: ['K/T CHỦ NHIỆM'], title: 'PHÓ CHỦ NHIỆM', post: 'pcn' };
    default:
      return rng.chance(0.6)
        ? { authority: ['K/T TRƯỞNG BAN'], title: 'PHÓ TRƯỞNG BAN', post: 'ptb' }
        : { authority: [], title: 'TRƯỞNG BAN', post: 'tb' };
  }
}

export interface PlanContext {
  seed: number;
  /** Earlier documents of the same province that may be cited. */
  earlier: (province: string) => readonly CitationPlan[];
  /** A free number in the body's sequence for this type and term, near `wanted`. */
  numberNear: (org: CorpusOrganization, abbr: string, term: number, wanted: number) => number;
  /** A commune of the same province, for subjects and sentences. */
  communeOf: (rng: Rng, org: CorpusOrganization) => string;
}

function subjectFor(rng: Rng, p: { abbr: string; topic: Topic; org: CorpusOrganization; year: number; date: string }, ctx: PlanContext): { text: string; citation: CitationPlan | null } {
  const { abbr, topic, org, year } = p;
  const phrase = rng.pick(topic.phrases);
  const term = termOf(year);
  const termText = `nhiệm kỳ ${term.start} - ${term.end}`;
  const cs = org.committeeShort;
  const lvl = org.level === 'province' ? 'tỉnh' : org.level === 'district' ? 'huyện' : org.level === 'commune' ? 'xã' : 'tỉnh';
  const commune = ctx.communeOf(rng, org);
  const person = personName(rng, org.province);
  const period = rng.pick([` giai đoạn ${year} - ${year + 5}`, ` đến năm ${year + 5}, định hướng đến năm ${year + 10}`, `, ${termText}`, ` năm ${year}`]);
  switch (abbr) {
    case 'NQ':
      return { text: `về ${phrase}${period}`, citation: null };
    case 'CT':
      return { text: rng.chance(0.6) ? `về tăng cường sự lãnh đạo của Đảng đối với ${phrase}` : `về ${phrase}`, citation: null };
    case 'KL':
      return {
        text: rng.pick([`về ${phrase}`, `hội nghị Ban Chấp hành Đảng bộ ${lvl} lần thứ ${rng.int(2, 40)}`, `về kết quả ${phrase} năm ${year}`, `về tình hình ${phrase}${period}`]),
        citation: null,
      };
    case 'QC':
      return { text: rng.chance(0.6) ? `làm việc của Ban Chấp hành Đảng bộ ${lvl}, ${termText}` : `phối hợp trong ${phrase}`, citation: null };
    case 'QĐi':
      return { text: rng.chance(0.5) ? `về ${phrase}` : `về chức năng, nhiệm vụ, quyền hạn của các cơ quan tham mưu, giúp việc ${cs}`, citation: null };
    case 'QĐ':
      if (topic.key === 'discipline') return { text: `thi hành kỷ luật đảng viên ${person}`, citation: null };
      if (topic.key === 'inspection') return { text: `về việc thành lập Đoàn kiểm tra đối với Ban Thường vụ Đảng ủy xã ${commune}`, citation: null };
      return {
        text: rng.pick([
          `về việc thành lập Ban Chỉ đạo ${phrase}`,
          `về việc điều động, bổ nhiệm đồng chí ${person}`,
          `về việc chuẩn y kết quả bầu cử Ban Chấp hành Đảng bộ xã ${commune}, ${termText}`,
          `về việc kiện toàn Ban Chỉ đạo ${phrase}`,
          `về việc ban hành Quy chế ${phrase}`,
        ]),
        citation: null,
      };
    case 'HD':
      return { text: rng.pick([`thực hiện ${phrase}`, `về ${phrase}`, `tổ chức đại hội chi bộ trực thuộc, ${termText}`]), citation: null };
    case 'TB':
      return {
        text: rng.pick([
          `ý kiến của Thường trực ${cs} về ${phrase}`,
          `tại buổi làm việc với Đảng ủy xã ${commune} về ${phrase}`,
          `về ${phrase}`,
          `phân công nhiệm vụ các đồng chí Ủy viên Ban Thường vụ, ${termText}`,
        ]),
        citation: null,
      };
    case 'BC':
      if (topic.key === 'inspection') return { text: `kết quả kiểm tra khi có dấu hiệu vi phạm đối với Ban Thường vụ Đảng ủy xã ${commune}`, citation: null };
      return {
        text: rng.pick([
          `kết quả ${phrase} năm ${year}`,
          `sơ kết 6 tháng đầu năm ${year} về ${phrase}`,
          `tổng kết ${rng.pick([5, 10, 15, 20])} năm thực hiện ${phrase}`,
          `tình hình ${phrase} quý ${rng.pick(ROMAN)} năm ${year}`,
        ]),
        citation: null,
      };
    case 'KH':
      return { text: rng.pick([`thực hiện ${phrase} năm ${year}`, `kiểm tra, giám sát năm ${year}`, `triển khai ${phrase}`, `tổ chức hội nghị sơ kết ${phrase}`]), citation: null };
    case 'CTr': {
      const central = CENTRAL_DOCS.filter((c) => c.word === 'Nghị quyết' && c.date !== null && c.date <= p.date);
      if (central.length > 0 && rng.chance(0.5)) {
        const c = rng.pick(central);
        return { text: `hành động thực hiện Nghị quyết số ${c.symbol} ngày ${isoToVn(c.date!)} của ${c.issuer} về ${c.about}`, citation: c };
      }
      return { text: rng.chance(0.5) ? `công tác năm ${year} của Ban Thường vụ ${cs}` : `kiểm tra, giám sát năm ${year}`, citation: null };
    }
    case 'ĐA':
      return { text: `${phrase} giai đoạn ${year} - ${year + 5}`, citation: null };
    case 'TTr':
      return {
        text: `về việc đề nghị ${rng.pick([`phê duyệt Đề án ${phrase}`, 'bổ sung quy hoạch cán bộ', `chuẩn y kết quả bầu cử Đảng ủy xã ${commune}`, `khen thưởng tổ chức đảng và đảng viên năm ${year}`])}`,
        citation: null,
      };
    case 'CV':
      return {
        text: `V/v ${rng.pick([
          phrase,
          `chuẩn bị nội dung Hội nghị Ban Thường vụ ${cs} tháng ${rng.int(1, 12)}/${year}`,
          `góp ý dự thảo báo cáo ${phrase}`,
          `báo cáo ${phrase}`,
          `triển khai thực hiện ${phrase}`,
        ])}`,
        citation: null,
      };
    case 'BB':
      return {
        text: rng.pick([
          `hội nghị Ban Thường vụ ${cs} tháng ${rng.int(1, 12)} năm ${year}`,
          `hội nghị Ban Chấp hành Đảng bộ lần thứ ${rng.int(2, 30)}, ${termText}`,
          `kiểm phiếu bầu Ban Chấp hành Đảng bộ, ${termText}`,
          `bàn giao hồ sơ, tài liệu về ${phrase}`,
        ]),
        citation: null,
      };
    default:
      return { text: `về ${phrase}`, citation: null };
  }
}

function recipientsFor(rng: Rng, org: CorpusOrganization, withAddressees: boolean): string[] {
  const cs = org.committeeShort;
  let pool: string[];
  let last: string;
  if (org.role === 'committee' || org.role === 'bloc') {
    if (org.level === 'province') {
      pool = ['Ban Bí thư Trung ương Đảng (báo cáo)', 'Văn phòng Trung ương Đảng', `Các đồng chí ${cs} viên`, `Các ban xây dựng Đảng ${cs}`, 'Các huyện ủy, thành ủy, thị ủy', 'Đảng ủy Ủy ban nhân dân tỉnh', 'Hội đồng nhân dân tỉnh', 'Ủy ban nhân dân tỉnh', 'Ủy ban MTTQ Việt Nam tỉnh', 'Các sở, ban, ngành của tỉnh'];
    } else if (org.level === 'district') {
      pool = ['Ban Thường vụ Tỉnh ủy (báo cáo)', 'Văn phòng Tỉnh ủy', `Các đồng chí ${cs} viên`, `Các chi, đảng bộ trực thuộc ${cs}`, 'Ủy ban nhân dân huyện', `Các cơ quan tham mưu, giúp việc ${cs}`];
    } else {
      pool = ['Ban Thường vụ cấp ủy cấp trên (báo cáo)', 'Thường trực Đảng ủy', 'Các đồng chí Đảng ủy viên', 'Các chi bộ trực thuộc', 'Ủy ban nhân dân xã', 'Ủy ban Mặt trận Tổ quốc xã'];
    }
    last = rng.chance(0.8) ? `Lưu Văn phòng ${cs}` : 'Lưu VT';
  } else {
    pool = [`Thường trực ${cs} (báo cáo)`, 'Lãnh đạo Ban', 'Các huyện ủy, thành ủy, thị ủy', 'Các đảng ủy trực thuộc', `Các ban xây dựng Đảng ${cs}`, 'Các phòng chuyên môn'];
    last = org.role === 'inspection' ? `Lưu UBKT ${cs}, hồ sơ` : rng.chance(0.5) ? 'Lưu VT' : 'Lưu Văn phòng';
  }
  const picked = rng.sample(pool.map((x, i) => [x, i] as const), rng.int(2, Math.min(6, pool.length))).sort((a, b) => a[1] - b[1]).map((x) => x[0]);
  return [...(withAddressees ? ['Như trên'] : []), ...picked, last];
}

function addresseesFor(rng: Rng, org: CorpusOrganization, abbr: string, commune: string): string[] {
  if (abbr === 'BC' || abbr === 'TTr') {
    return [org.level === 'commune' ? 'Ban Thường vụ cấp ủy cấp trên' : org.level === 'district' ? 'Ban Thường vụ Tỉnh ủy' : `Ban Thường vụ ${org.committeeShort}`];
  }
  const cs = org.committeeShort;
  const pool = [`Các đồng chí Ủy viên Ban Thường vụ ${cs}`, `Các ban xây dựng Đảng ${cs}`, 'Các huyện ủy, thành ủy, thị ủy', 'Đảng ủy Ủy ban nhân dân tỉnh', `Ban Thường vụ Đảng ủy xã ${commune}`, 'Các đảng ủy trực thuộc'];
  return rng.sample(pool, rng.int(1, 3));
}

/** Plans document `index`: its issuer and date are chosen by the caller. */
export function planDocument(index: number, org: CorpusOrganization, date: string, ctx: PlanContext): DocPlan {
  const rng = Rng.of(ctx.seed, index, 'plan');
  const year = Number(date.slice(0, 4));
  const term = termOf(year);
  const mix = TYPE_MIX[org.level === 'commune' ? 'commune' : org.role];
  const abbr = rng.weighted(mix.map((m) => m[0]), mix.map((m) => m[1]));
  const topic = pickTopic(rng, org.role, year, date);
  const headerless = (org.level === 'province' && org.role === 'committee' && (abbr === 'KL' || abbr === 'TB') && rng.chance(0.08));
  const blankNumber = !headerless && rng.chance(0.01);
  const draftDate = !headerless && rng.chance(0.01);
  // Where the number stands in its sequence follows from the day in the term and how many
  // documents of that type the body issues a year, whatever the size of the generated sample:
  // a Tỉnh ủy's conclusions reach the thousands (1485-KL/TU), a commune's stay in the tens.
  const share = mix.find((m) => m[0] === abbr)![1] / mix.reduce((n, m) => n + m[1], 0);
  const daysIn = (Date.parse(date) - Date.parse(`${Math.max(term.start, org.startDate ? Number(org.startDate.slice(0, 4)) : 0)}-01-01`)) / 86_400_000;
  const yearly = ANNUAL[org.level === 'commune' ? (org.startDate === '2025-07-01' ? 'newCommune' : 'commune') : org.level === 'agency' ? org.role === 'bloc' ? 'bloc' : org.parentCode?.includes('.H') ? 'districtDept' : 'provinceDept' : org.level]!;
  const wanted = 1 + Math.floor((Math.max(0, daysIn) / 365) * yearly * share * (0.85 + 0.3 * rng.next()));
  const number = headerless || blankNumber ? null : ctx.numberNear(org, abbr, term.index, wanted);
  const numberSymbol = number === null ? null : `${number < 10 && rng.chance(0.5) ? `0${number}` : number}-${abbr}/${org.symbolSuffix}`;
  const subj = subjectFor(rng, { abbr, topic, org, year, date }, ctx);

  const secretBias = org.role === 'inspection' || org.role === 'internal' ? 4 : abbr === 'QĐ' || abbr === 'TTr' ? 2 : 1;
  const s = rng.next();
  const security = headerless ? null : s < 0.003 * secretBias ? 'tuyet_mat' : s < 0.015 * secretBias ? 'toi_mat' : s < 0.055 * secretBias ? 'mat' : null;
  const u = rng.next();
  const urgency = headerless ? null : u < 0.007 ? 'hoa_toc' : u < 0.022 ? 'thuong_khan' : u < 0.07 ? 'khan' : null;

  const unsigned = rng.chance(0.01);
  const sig = signature(rng, org, abbr);
  const signerName = unsigned ? null : holder(ctx.seed, org, term.index, sig.post, sig.post === 'pbt' ? rng.int(0, 1) : 0);

  // Citations: of the centre, of the State, of earlier documents of the province.
  const citations: CitationPlan[] = [];
  const own = numberSymbol ? numberSymbolKey(numberSymbol) : null;
  const seen = new Set<string>(own ? [own] : []);
  const add = (c: CitationPlan) => {
    const key = numberSymbolKey(c.symbol);
    if (seen.has(key)) return;
    seen.add(key);
    citations.push(c);
  };
  if (subj.citation) add(subj.citation);
  const central = CENTRAL_DOCS.filter((c) => c.date === null || c.date <= date);
  const state = STATE_DOCS.filter((c) => c.date === null || c.date <= date);
  const nCentral = rng.weighted([0, 1, 2], [4, 4, 2]);
  for (let k = 0; k < nCentral && central.length > 0; k++) add(rng.pick(central));
  const nState = rng.weighted([0, 1, 2], [6, 3, 1]);
  for (let k = 0; k < nState && state.length > 0; k++) add(rng.pick(state));
  if (rng.chance(0.15)) {
    const n = rng.int(1, 120);
    add({ symbol: `${n}/${year}/NQ-HĐND`, word: 'Nghị quyết', date: null, issuer: 'Hội đồng nhân dân tỉnh', about: rng.pick(topic.phrases) });
  }
  const earlier = ctx.earlier(org.province).filter((c) => c.date !== null && c.date <= date);
  const nEarlier = earlier.length === 0 ? 0 : rng.weighted([0, 1, 2, 3], [3, 4, 2, 1]);
  for (let k = 0; k < nEarlier; k++) add(rng.pick(earlier));

  const withAddressees = abbr === 'CV' || ((abbr === 'BC' || abbr === 'TTr') && rng.chance(0.5));
  const commune = ctx.communeOf(rng, org);
  // Sizes from about 1 to 30 KB, most between 3 and 8 KB (log-normal).
  const gauss = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const targetBytes = Math.round(Math.min(25_000, Math.max(1_100, Math.exp(8.5 + 0.65 * gauss))));

  return {
    index,
    org,
    abbr,
    typeName: TYPE_NAMES[abbr]!,
    date,
    numberSymbol,
    blankNumber,
    headerless,
    draftDate,
    subject: subj.text,
    topic,
    security,
    urgency,
    authority: unsigned ? [] : sig.authority,
    signerTitle: unsigned ? null : sig.title,
    signerName,
    citations,
    subjectCitation: subj.citation !== null,
    addressees: withAddressees ? addresseesFor(rng, org, abbr, commune) : [],
    recipients: recipientsFor(rng, org, withAddressees && abbr === 'CV'),
    targetBytes,
  };
}

/** How a document is cited by later ones. */
export function citationOf(p: DocPlan): CitationPlan | null {
  if (!p.numberSymbol || p.draftDate) return null;
  // A subject that itself cites a document is summarised without that number, so citing this
  // document never adds a citation the truth does not list.
  const cited = p.subjectCitation ? p.citations[0]! : null;
  const about = cited ? `hành động thực hiện ${cited.word} của ${cited.issuer} về ${cited.about}` : p.subject.replace(/^V\/v /, '').replace(/^về /, '');
  return { symbol: p.numberSymbol, word: TYPE_WORD[p.abbr]!, date: p.date, issuer: p.org.name, about };
}
