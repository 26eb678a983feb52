import { isoToVn, type CitationPlan, type DocPlan } from './plan';
import { personName } from './names';
import type { Rng } from './prng';
import { seedSentences } from './seedSentences';
import { GENERIC_SENTENCES, TYPE_WORD } from './topics';

/**
 * Writes a planned document in the layout of real party documents (domain.md): masthead, title,
 * body, `Nơi nhận`, signature — as plain text, as markdown from a converter, or with the hard line
 * breaks of a PDF extraction; some with CRLF line ends or in decomposed Unicode (NFD).
 */

export interface RenderContext {
  rng: Rng;
  communes: readonly string[];
  districts: readonly string[];
}

const SECURITY_WORD = { mat: 'MẬT', toi_mat: 'TỐI MẬT', tuyet_mat: 'TUYỆT MẬT' } as const;
const URGENCY_WORD = { khan: 'KHẨN', thuong_khan: 'THƯỢNG KHẨN', hoa_toc: 'HỎA TỐC' } as const;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

type Layout = 'plain' | 'markdown' | 'pdf';

/** Breaks text into lines of about `width` characters at spaces. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
    }
  }
  if (line.length > 0) out.push(line);
  return out;
}

function dateline(p: DocPlan, rng: Rng): string {
  const [y, m, d] = p.date.split('-').map(Number) as [number, number, number];
  if (p.draftDate) return `${p.org.place}, ngày      tháng      năm ${y}`;
  const dd = d < 10 && rng.chance(0.5) ? `0${d}` : String(d);
  const mm = m <= 2 ? `0${m}` : String(m);
  return `${p.org.place}, ngày ${dd} tháng ${mm} năm ${y}`;
}

function fill(template: string, p: DocPlan, c: RenderContext): string {
  const { rng } = c;
  const year = Number(p.date.slice(0, 4));
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'place':
        return p.org.place;
      case 'commune':
        return rng.pick(c.communes);
      case 'district':
        return rng.pick(c.districts);
      case 'province':
        return p.org.province;
      case 'year':
        return String(year);
      case 'n':
        return String(rng.int(2, 9));
      case 'pct':
        return `${rng.int(12, 99)},${rng.int(1, 9)}`;
      case 'ha':
        return `${rng.int(1, 9)}.${String(rng.int(0, 999)).padStart(3, '0')}`;
      case 'person':
        return personName(rng, p.org.province);
      case 'date':
        return isoToVn(`${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`);
      default:
        return slot;
    }
  });
}

function sentence(p: DocPlan, c: RenderContext): string {
  const r = c.rng.next();
  const seeds = seedSentences();
  if (r < 0.45) return fill(c.rng.pick(p.topic.sentences), p, c);
  if (r < 0.65 || seeds.length === 0) return fill(c.rng.pick(GENERIC_SENTENCES), p, c);
  return c.rng.pick(seeds);
}

function paragraph(p: DocPlan, c: RenderContext): string {
  const n = c.rng.int(2, 5);
  const parts: string[] = [];
  // A sentence is not repeated inside one paragraph.
  for (let i = 0, tries = 0; parts.length < n && tries < n * 3; tries++) {
    const s = sentence(p, c);
    if (!parts.includes(s)) parts.push(s);
    i++;
  }
  return parts.join(' ');
}

const LATER_HEADINGS = ['KẾT QUẢ ĐẠT ĐƯỢC', 'HẠN CHẾ, NGUYÊN NHÂN', 'NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI', 'TỔ CHỨC THỰC HIỆN', 'ĐỀ XUẤT, KIẾN NGHỊ'];

function citationText(x: CitationPlan): string {
  const date = x.date ? ` ngày ${isoToVn(x.date)}` : '';
  return `${x.word} số ${x.symbol}${date} của ${x.issuer} về ${x.about}`;
}

/** The opening paragraphs: the legal basis, citing each planned document in order. */
function preamble(p: DocPlan): string[] {
  const cites = p.citations.slice(p.subjectCitation ? 1 : 0);
  const issuerName = p.org.name;
  const formal = ['NQ', 'QĐ', 'QC', 'QĐi', 'CT', 'KH', 'HD', 'CTr', 'ĐA'].includes(p.abbr);
  const out: string[] = [];
  if (formal) {
    out.push('Căn cứ Điều lệ Đảng;');
    for (const x of cites) out.push(`Căn cứ ${citationText(x)};`);
  } else {
    for (const x of cites) out.push(`Thực hiện ${citationText(x)}, ${issuerName} triển khai thực hiện như sau.`);
  }
  if (p.subjectCitation) {
    out.push(`Nhằm cụ thể hóa ${p.citations[0]!.word} số ${p.citations[0]!.symbol}, ${issuerName} xây dựng ${TYPE_WORD[p.abbr]!.toLowerCase()} này.`);
  }
  return out;
}

interface Block {
  kind: 'heading' | 'para' | 'blank';
  text: string;
}

function body(p: DocPlan, c: RenderContext, frame: number): Block[] {
  const blocks: Block[] = preamble(p).map((text) => ({ kind: 'para', text }));
  if (p.abbr === 'QĐ') {
    blocks.push({ kind: 'heading', text: 'QUYẾT ĐỊNH:' });
  }
  if (p.abbr === 'BB') {
    blocks.push({ kind: 'para', text: `Hôm nay, vào lúc ${c.rng.int(7, 15)} giờ ${c.rng.pick(['00', '30'])} ngày ${isoToVn(p.date)}, tại trụ sở ${p.org.name}, ${p.org.place}.` });
  }
  let bytes = frame + blocks.reduce((n, b) => n + Buffer.byteLength(b.text), 0);
  let section = 0;
  let article = 0;
  while (bytes < p.targetBytes || (section === 0 && article === 0)) {
    if (p.abbr === 'QĐ') {
      article++;
      const text = `Điều ${article}. ${paragraph(p, c)}`;
      blocks.push({ kind: 'para', text });
      bytes += Buffer.byteLength(text) + 2;
      continue;
    }
    const title = section === 0 ? c.rng.pick(p.topic.headings) : LATER_HEADINGS[(section - 1) % LATER_HEADINGS.length]!;
    const heading = `${ROMAN[section % ROMAN.length]}- ${title}`;
    section++;
    blocks.push({ kind: 'heading', text: heading });
    bytes += Buffer.byteLength(heading) + 2;
    const items = c.rng.int(1, 4);
    for (let k = 1; k <= items && (k === 1 || bytes < p.targetBytes); k++) {
      const text = `${k}. ${paragraph(p, c)}`;
      blocks.push({ kind: 'para', text });
      bytes += Buffer.byteLength(text) + 2;
    }
  }
  const word = TYPE_WORD[p.abbr]!;
  blocks.push({ kind: 'para', text: p.abbr === 'CV' ? 'Đề nghị các cơ quan, đơn vị quan tâm thực hiện.' : `${word} này được phổ biến đến chi bộ.` });
  return blocks;
}

function lines(...ls: Array<string | null | false | undefined>): string[] {
  return ls.filter((l): l is string => typeof l === 'string');
}

function header(p: DocPlan, layout: Layout, c: RenderContext): string[] {
  const md = layout === 'markdown';
  const b = (s: string) => (md ? `**${s}**` : s);
  const subjectLines = wrap(p.subject, c.rng.int(55, 80));
  const marks = lines(p.security && SECURITY_WORD[p.security], p.urgency && URGENCY_WORD[p.urgency]);
  if (p.headerless) {
    return lines(
      md ? `**${p.typeName}**  ` : p.typeName,
      b(`CỦA BAN THƯỜNG VỤ ${p.org.committeeWord}`),
      '',
      ...subjectLines.map((l) => (md ? `**${l}**  ` : l)),
      '',
      '-----',
      '',
    );
  }
  const escapedStar = md && c.rng.chance(0.05);
  const num = p.blankNumber
    ? `Số       -${p.abbr}/${p.org.symbolSuffix}`
    : `Số${c.rng.chance(0.1) ? ':' : ''} ${escapedStar ? p.numberSymbol!.replace('-', '\\*-') : p.numberSymbol}`;
  const top = lines(p.org.headerParent && b(p.org.headerParent), p.org.headerParent && md ? '' : null, b(p.org.headerIssuer), md ? '' : null, md ? '\\*' : '*', md ? '' : null, num);
  const motto = b('ĐẢNG CỘNG SẢN VIỆT NAM');
  const dl = md ? `*${dateline(p, c.rng)}*` : dateline(p, c.rng);
  if (p.abbr === 'CV') {
    const addr =
      p.addressees.length === 1
        ? [`Kính gửi: ${p.addressees[0]}.`]
        : ['Kính gửi:', ...p.addressees.map((a, i) => ` - ${a}${i === p.addressees.length - 1 ? '.' : ';'}`)];
    return lines(...top, ...subjectLines, ...marks, motto, dl, '', ...addr, '');
  }
  const addr = p.addressees.length > 0 ? [`Kính gửi: ${p.addressees.join(', ')}.`, ''] : [];
  return lines(
    ...top,
    ...marks,
    '',
    motto,
    '',
    dl,
    '',
    md ? `## ${p.typeName}` : p.typeName,
    ...(md ? [''] : []),
    ...subjectLines.map((l) => (md ? `**${l}**  ` : l)),
    md ? '' : null,
    '-----',
    '',
    ...addr,
  );
}

function footer(p: DocPlan, layout: Layout, c: RenderContext): string[] {
  const md = layout === 'markdown';
  const b = (s: string) => (md ? `**${s}**` : s);
  const rec = p.recipients.map((r, i) => `- ${r}${i === p.recipients.length - 1 ? '.' : ','}`);
  const sig = p.signerName === null && p.signerTitle === null
    ? []
    : lines(
        '',
        ...p.authority.map((a) => (md ? `**${a}**  ` : a)),
        p.signerTitle && b(p.signerTitle),
        c.rng.chance(0.2) ? '(Đã ký)' : null,
        '',
        p.signerName && b(p.signerName),
      );
  return lines('', md ? '**Nơi nhận:**' : 'Nơi nhận:', md ? '' : null, ...rec, ...sig);
}

/** The full text of a planned document. */
export function renderDocument(p: DocPlan, c: RenderContext): string {
  const r = c.rng.next();
  const layout: Layout = r < 0.55 ? 'plain' : r < 0.85 ? 'markdown' : 'pdf';
  const out: string[] = header(p, layout, c);
  const tail = footer(p, layout, c);
  const frame = Buffer.byteLength(out.join('\n')) + Buffer.byteLength(tail.join('\n'));
  const width = c.rng.int(70, 90);
  for (const block of body(p, c, frame)) {
    if (block.kind === 'heading') {
      out.push(layout === 'markdown' ? `**${block.text}**` : block.text, '');
    } else if (layout === 'pdf') {
      out.push(...wrap(block.text, width), '');
    } else {
      out.push(block.text, '');
    }
  }
  out.push(...tail);
  let text = out.join('\n') + '\n';
  if (c.rng.chance(0.05)) text = text.replace(/\n/g, '\r\n');
  if (c.rng.chance(0.02)) text = text.normalize('NFD');
  return text;
}
