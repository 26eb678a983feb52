/**
 * The catalogue records of some files (a batch, or a whole fonds) in the package format: keys
 * local to the export instead of database ids, the organizations with their lineage, and for each
 * original the path it gets inside a bag. Metadata only; full texts are streamed separately.
 */
import type { ArchiveFile, DocumentRecord, Organization } from '../../../shared/contract/types';
import { safeFileName, safeSegment, UniqueNames } from '../../../shared/handover/bagPaths';
import { HIDDEN_SECRET_TEXT, toCsv, viDate } from '../../../shared/handover/forms';
import { ORIGINALS_DIR, type PackageCatalogue } from '../../../shared/handover/packageFormat';
import type { ServiceContext } from '../context';
import type { StoredAttachment } from '../../data/repositories/handoverData';

export type CatalogueBody = Omit<PackageCatalogue, 'format' | 'version' | 'generator' | 'batch'>;

export interface CatalogueRecords extends CatalogueBody {
  /** Attachment key → the original's place in the catalogue's originals folder. */
  sources: Map<string, StoredAttachment>;
  /** Document key → database id (to fetch full texts). */
  documentIds: Map<string, number>;
  /** The records as loaded, for the forms. */
  fileRecords: ArchiveFile[];
  documentRecords: Map<number, DocumentRecord[]>;
  unfiledRecords: DocumentRecord[];
}

const ALL = 1_000_000_000;

export const orgKey = (id: number) => `o${id}`;
export const fondsKey = (id: number) => `f${id}`;
export const fileKey = (id: number) => `h${id}`;
export const documentKey = (id: number) => `d${id}`;

/**
 * Builds the records of `fileIds` (plus the unfiled documents of `unfiledOfFonds`, for a whole
 * fonds), with `extraOrganizations` (a batch's parties) and every ancestor of each organization.
 */
export function buildCatalogueRecords(ctx: ServiceContext, fileIds: number[], opts: { unfiledOfFonds?: number[]; extraOrganizations?: number[] } = {}): CatalogueRecords {
  const { repos } = ctx.catalogue;
  const wanted = new Set(fileIds);
  const fondsIds = new Set<number>(opts.unfiledOfFonds ?? []);
  for (const id of repos.handoverData.fondsOfFiles(fileIds)) fondsIds.add(id);

  const fonds = [...fondsIds].sort((a, b) => a - b).map((id) => repos.fonds.get(id)!);
  const fileRecords: ArchiveFile[] = [];
  for (const f of fonds) for (const file of repos.files.listByFonds(f.id)) if (wanted.has(file.id)) fileRecords.push(file);

  // Organizations: the fonds' creators, the parties, and their ancestors (lineage travels along).
  const orgs = new Map<number, Organization>();
  const addOrg = (id: number | null) => {
    while (id !== null && !orgs.has(id)) {
      const o = repos.organizations.get(id);
      if (!o) return;
      orgs.set(id, o);
      id = o.parentId;
    }
  };
  for (const f of fonds) addOrg(f.organizationId);
  for (const id of opts.extraOrganizations ?? []) addOrg(id);
  const successions: CatalogueBody['successions'] = [];
  for (const o of orgs.values()) {
    for (const s of o.successors) {
      if (orgs.has(s.organizationId)) successions.push({ predecessorKey: orgKey(o.id), successorKey: orgKey(s.organizationId), effectiveDate: s.effectiveDate, basis: s.basis, kind: s.kind });
    }
  }

  const listed = repos.documents.listOfFiles(fileRecords.map((f) => f.id));
  const documentRecords = new Map<number, DocumentRecord[]>(fileRecords.map((f) => [f.id, listed.get(f.id) ?? []]));
  const unfiledRecords = (opts.unfiledOfFonds ?? []).flatMap((fid) => repos.documents.list({ fondsId: fid, unfiled: true, offset: 0, limit: ALL }).items);
  const allDocs = [...[...documentRecords.values()].flat(), ...unfiledRecords];

  const attachmentsByDoc = new Map<number, StoredAttachment[]>();
  const stored = [...repos.handoverData.attachmentsOfFiles(fileIds), ...unfiledRecords.flatMap((d) => storedOf(ctx, d.id))];
  for (const a of stored) attachmentsByDoc.set(a.documentId, [...(attachmentsByDoc.get(a.documentId) ?? []), a]);

  const fondsCode = new Map(fonds.map((f) => [f.id, f.code]));
  const fileCode = new Map(fileRecords.map((f) => [f.id, f.code]));
  const names = new UniqueNames();
  const sources = new Map<string, StoredAttachment>();
  const attachments: CatalogueBody['attachments'] = [];
  for (const d of allDocs) {
    for (const a of attachmentsByDoc.get(d.id) ?? []) {
      // Readable, safe names: data/ban-goc/<fonds>/ho-so-<code>/<order>-<original name>.
      const folder = d.fileId !== null ? `ho-so-${safeSegment(fileCode.get(d.fileId) ?? String(d.fileId), 40)}` : 'chua-lap-ho-so';
      const order = String(d.orderInFile ?? d.id).padStart(3, '0');
      const path = names.claim(`${ORIGINALS_DIR}/${safeSegment(fondsCode.get(d.fondsId) ?? 'phong', 40)}/${folder}/${order}-${safeFileName(a.fileName, 60)}`);
      const key = `a${a.id}`;
      sources.set(key, a);
      attachments.push({ key, documentKey: documentKey(d.id), fileName: a.fileName, mediaType: a.mediaType, size: a.size, sha256: a.sha256, path });
    }
  }

  const usedRetention = new Set(fileRecords.map((f) => f.retentionCode).filter((c): c is string => c !== null));
  return {
    organizations: [...orgs.values()].map((o) => ({
      key: orgKey(o.id),
      code: o.code,
      name: o.name,
      level: o.level,
      parentKey: o.parentId !== null && orgs.has(o.parentId) ? orgKey(o.parentId) : null,
      startDate: o.startDate,
      endDate: o.endDate,
      notes: o.notes,
    })),
    successions,
    retentionPeriods: repos.codes.retentionPeriods().filter((p) => usedRetention.has(p.code)),
    fonds: fonds.map((f) => ({
      key: fondsKey(f.id),
      code: f.code,
      name: f.name,
      organizationKey: orgKey(f.organizationId),
      status: f.status,
      history: f.history,
      accessRegime: f.accessRegime,
      language: f.language,
      notes: f.notes,
    })),
    fileLists: fonds.flatMap((f) =>
      repos.fileLists
        .listByFonds(f.id)
        .filter((l) => fileRecords.some((file) => file.fileListId === l.id))
        .map((l) => ({ key: `l${l.id}`, fondsKey: fondsKey(f.id), number: l.number, year: l.year, title: l.title, notes: l.notes })),
    ),
    files: fileRecords.map((f) => ({
      key: fileKey(f.id),
      fondsKey: fondsKey(f.fondsId),
      fileListKey: f.fileListId !== null ? `l${f.fileListId}` : null,
      code: f.code,
      title: f.title,
      startDate: f.startDate,
      endDate: f.endDate,
      retentionCode: f.retentionCode,
      completion: f.completion,
      box: f.box,
      sheetCount: f.sheetCount,
      pageCount: f.pageCount,
      accessRegime: f.accessRegime,
      language: f.language,
      keywords: f.keywords,
      physicalCondition: f.physicalCondition,
      notes: f.notes,
    })),
    documents: allDocs.map((d) => ({
      key: documentKey(d.id),
      fondsKey: fondsKey(d.fondsId),
      fileKey: d.fileId !== null ? fileKey(d.fileId) : null,
      orderInFile: d.orderInFile,
      sheetNumber: d.sheetNumber,
      docType: d.docType,
      numberSymbol: d.numberSymbol,
      issueDate: d.issueDate,
      issuer: d.issuer,
      parentIssuer: d.parentIssuer,
      place: d.place,
      subject: d.subject,
      signerName: d.signerName,
      signerTitle: d.signerTitle,
      signingAuthority: d.signingAuthority,
      addressees: d.addressees,
      recipients: d.recipients,
      securityLevel: d.securityLevel,
      urgency: d.urgency,
      language: d.language,
      pageCount: d.pageCount,
      reliability: d.reliability,
      incomingStamp: d.incomingStamp,
      notes: d.notes,
      reviewFields: d.reviewFields,
    })),
    attachments,
    secretConfirmations: [],
    sources,
    documentIds: new Map(allDocs.map((d) => [documentKey(d.id), d.id])),
    fileRecords,
    documentRecords,
    unfiledRecords,
  };
}

function storedOf(ctx: ServiceContext, documentId: number): StoredAttachment[] {
  const { repos } = ctx.catalogue;
  return repos.attachments.listByDocument(documentId).map((a) => ({ ...a, storedPath: repos.attachments.storedPath(a.id) ?? '' }));
}

/** The records without the helper maps, as they are written to catalogue.json. */
export function catalogueBody(r: CatalogueRecords): CatalogueBody {
  const { sources: _s, documentIds: _d, fileRecords: _f, documentRecords: _r, unfiledRecords: _u, ...body } = r;
  return body;
}

const COMPLETION = { completed: 'Đã kết thúc', unfinished: 'Chưa kết thúc' } as const;
const SECURITY = { mat: 'Mật', toi_mat: 'Tối mật', tuyet_mat: 'Tuyệt mật' } as const;
const URGENCY = { khan: 'Khẩn', thuong_khan: 'Thượng khẩn', hoa_toc: 'Hỏa tốc' } as const;

/** ho-so.csv: one row per file, every catalogue field, Vietnamese headers. */
export function filesCsv(r: CatalogueBody): string {
  const fondsCode = new Map(r.fonds.map((f) => [f.key, f.code]));
  const retention = new Map(r.retentionPeriods.map((p) => [p.code, p.labelVi]));
  return toCsv([
    ['Mã phông', 'Số, ký hiệu hồ sơ', 'Tiêu đề hồ sơ', 'Ngày bắt đầu', 'Ngày kết thúc', 'Thời hạn bảo quản', 'Tình trạng công việc', 'Hộp số', 'Số tờ', 'Số trang', 'Ghi chú'],
    ...r.files.map((f) => [
      fondsCode.get(f.fondsKey) ?? '',
      f.code,
      f.title,
      viDate(f.startDate),
      viDate(f.endDate),
      f.retentionCode ? (retention.get(f.retentionCode) ?? f.retentionCode) : '',
      f.completion ? COMPLETION[f.completion] : '',
      f.box,
      f.sheetCount,
      f.pageCount,
      f.notes,
    ]),
  ]);
}

/** van-ban.csv: one row per document, with its originals' names and SHA-256. */
export function documentsCsv(r: CatalogueBody, secretsVisible: boolean): string {
  const fondsCode = new Map(r.fonds.map((f) => [f.key, f.code]));
  const fileCodes = new Map(r.files.map((f) => [f.key, f.code]));
  const atts = new Map<string, CatalogueBody['attachments']>();
  for (const a of r.attachments) atts.set(a.documentKey, [...(atts.get(a.documentKey) ?? []), a]);
  return toCsv([
    ['Mã phông', 'Số hồ sơ', 'Số thứ tự', 'Tờ số', 'Tên loại', 'Số, ký hiệu', 'Ngày ban hành', 'Cơ quan ban hành', 'Trích yếu', 'Người ký', 'Độ mật', 'Độ khẩn', 'Ghi chú', 'Tệp gốc', 'SHA-256'],
    ...r.documents.map((d) => {
      const hidden = d.securityLevel !== null && !secretsVisible;
      const files = atts.get(d.key) ?? [];
      return [
        fondsCode.get(d.fondsKey) ?? '',
        d.fileKey ? (fileCodes.get(d.fileKey) ?? '') : '',
        d.orderInFile,
        d.sheetNumber,
        d.docType,
        d.numberSymbol,
        viDate(d.issueDate),
        hidden ? '' : d.issuer,
        hidden ? HIDDEN_SECRET_TEXT : d.subject,
        hidden ? '' : d.signerName,
        d.securityLevel ? SECURITY[d.securityLevel] : '',
        d.urgency ? URGENCY[d.urgency] : '',
        hidden ? '' : d.notes,
        files.map((a) => a.path).join('; '),
        files.map((a) => a.sha256).join('; '),
      ];
    }),
  ]);
}
