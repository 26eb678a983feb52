import type { DocumentDetail, SearchHit } from '../../shared/contract/types';
import { shown } from './terminal';

/**
 * The command line's JSON shapes. They are part of the public interface (README, "Command line"):
 * add fields if needed, never rename or remove one.
 */
export interface SearchHitJson {
  id: number;
  numberSymbol: string | null;
  docType: string | null;
  issueDate: string | null;
  issuer: string | null;
  subject: string | null;
  fonds: string;
  file: string | null;
  score: number;
  /** The snippet as plain text. */
  snippet: string;
  /** [start, end) offsets of the highlighted words inside `snippet`. */
  highlights: Array<[number, number]>;
}

/** Why each hit matched, beside `hits` (same order), so the hit shape stays as documented. */
export interface SearchMatchJson {
  id: number;
  /** `number`, `metaPhrase`, `metaAll`, `phrase`, `all` or `browse` (no words). */
  matchedBy: string | null;
  /** The words typed with diacritics occur with exactly those diacritics. */
  exact: boolean;
  signer: string | null;
  securityLevel: string | null;
}

export function searchMatchJson(hit: SearchHit): SearchMatchJson {
  return { id: hit.documentId, matchedBy: hit.matchedBy ?? null, exact: hit.exact ?? false, signer: hit.signerName ?? null, securityLevel: hit.securityLevel ?? null };
}

export function searchHitJson(hit: SearchHit): SearchHitJson {
  let snippet = '';
  const highlights: Array<[number, number]> = [];
  for (const seg of hit.snippet) {
    if (seg.hit) highlights.push([snippet.length, snippet.length + seg.text.length]);
    snippet += seg.text;
  }
  return {
    id: hit.documentId,
    numberSymbol: hit.numberSymbol,
    docType: hit.docType,
    issueDate: hit.issueDate,
    issuer: hit.issuer,
    subject: hit.subject,
    fonds: hit.fondsCode,
    file: hit.fileTitle,
    score: Math.round(hit.score * 1000) / 1000,
    snippet,
    highlights,
  };
}

export function searchHitText(hit: SearchHit, rank: number): string {
  const head = [hit.numberSymbol ?? '(không số)', hit.docType, hit.issueDate].filter(Boolean).join(' · ');
  const snippet = hit.snippet.map((s) => (s.hit ? `«${s.text}»` : s.text)).join('');
  return `${rank}. [${hit.documentId}] ${head}\n   ${hit.subject ?? ''}\n   ${snippet}`;
}

const LABELS: Array<[keyof DocumentDetail, string]> = [
  ['numberSymbol', 'Số, ký hiệu'],
  ['docType', 'Tên loại'],
  ['issueDate', 'Ngày ban hành'],
  ['issuer', 'Cơ quan ban hành'],
  ['parentIssuer', 'Cơ quan cấp trên'],
  ['place', 'Địa danh'],
  ['subject', 'Trích yếu'],
  ['signingAuthority', 'Thẩm quyền ký'],
  ['signerTitle', 'Chức vụ người ký'],
  ['signerName', 'Người ký'],
  ['securityLevel', 'Độ mật'],
  ['urgency', 'Độ khẩn'],
];

export function documentText(doc: DocumentDetail): string {
  const lines = [`Văn bản ${doc.id} — phông ${doc.fonds.code} (${doc.fonds.name})`];
  if (doc.file) lines.push(`Hồ sơ ${doc.file.code}: ${doc.file.title} — thời hạn: ${doc.file.retention?.labelVi ?? 'chưa xác định'}`);
  else lines.push('Hồ sơ: chưa lập hồ sơ');
  for (const [key, label] of LABELS) {
    const value = doc[key];
    const flag = doc.reviewFields.includes(key) ? '  [cần rà soát]' : '';
    lines.push(`${label}: ${value === null || value === undefined ? '—' : shown(String(value))}${flag}`);
  }
  if (doc.addressees.length) lines.push(`Kính gửi:\n${doc.addressees.map((a) => `  - ${a}`).join('\n')}`);
  if (doc.recipients.length) lines.push(`Nơi nhận:\n${doc.recipients.map((a) => `  - ${a}`).join('\n')}`);
  for (const a of doc.attachments) lines.push(`Bản gốc: ${shown(a.fileName)} (${a.size} byte, SHA-256 ${a.sha256})`);
  return lines.join('\n');
}
