/**
 * Builds the handover package of a batch: a BagIt bag (RFC 8493) holding the originals, the
 * catalogue records (JSON, CSV, full texts as JSON lines) and the exported forms, with the
 * manifests and bag-info a receiving archive checks. Runs as a job: progress in files and bytes,
 * cancellable between files; a cancelled or failed package leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SealedFileError } from '../../../data/originals/sealedFormat';
import { ApiError } from '../../../../shared/contract/errors';
import type { PackageResult } from '../../../../shared/contract/types/handover';
import { AUDIT_HEAD_LABEL, BAG_INFO, BAGIT_TXT, bagitDeclaration, buildBagInfo, buildManifest, formatOxum, MANIFEST, TAG_MANIFEST, type BagInfo, type ManifestEntry } from '../../../../shared/handover/bagit';
import {
  CATALOGUE_JSON,
  DOCUMENTS_CSV,
  FILES_CSV,
  FORMS_DIR,
  FULL_TEXT_JSONL,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  type PackageCatalogue,
} from '../../../../shared/handover/packageFormat';
import { type ServiceContext, nowOf } from '../../context';
import type { Job } from '../../jobs';
import { Cancelled } from '../cancelled';
import { catalogueBody, documentKey, orgKey } from '../catalogueRecords';
import { documentsCsv, filesCsv, loadExportContext, renderExport, type ExportContext } from '../exports/exporter';
import { type BagSink, FolderSink, linesStream, type Written, ZipSink } from './bagWriter';
import { isUnrecordedLeftover } from './leftoverPackage';
import { makeChosenDirs } from '../../../data/makeDirs';

/** The forms every package carries, in `data/bieu-mau/`. */
const PACKAGED_FORMS = [
  ['fileList', 'xlsx'],
  ['fileList', 'docx'],
  ['documentList', 'xlsx'],
  ['minutes', 'docx'],
  ['minutes', 'pdf'],
  ['boxLabels', 'pdf'],
  ['statistics', 'xlsx'],
  ['statistics', 'json'],
] as const;

const TEXT_CHUNK = 50;
/** Originals read ahead of the one being written: a few files, never more than this many bytes. */
const READ_AHEAD_FILES = 16;
const READ_AHEAD_BYTES = 64 * 1024 * 1024;

/** Lets progress polls and cancel calls through between files. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

function localDate(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function packageCatalogue(ctx: ServiceContext, ec: ExportContext): PackageCatalogue {
  const batch = ec.batch!;
  const confirmations = ctx.catalogue.repos.handoverBatches.secretConfirmations(batch.id);
  const inPackage = new Set(ec.records.documents.map((d) => d.key));
  return {
    format: PACKAGE_FORMAT,
    version: PACKAGE_FORMAT_VERSION,
    generator: `Kho Lưu ${ctx.version}`,
    batch: {
      uuid: batch.uuid,
      code: batch.code,
      recipientKind: batch.recipientKind,
      fromKey: orgKey(batch.fromOrganizationId),
      toKey: batch.toOrganizationId !== null ? orgKey(batch.toOrganizationId) : null,
      legalBasis: batch.legalBasis,
      handoverDate: batch.handoverDate,
      place: batch.place,
      senderRepresentative: batch.senderRepresentative,
      senderPosition: batch.senderPosition,
      receiverRepresentative: batch.receiverRepresentative,
      receiverPosition: batch.receiverPosition,
      condition: batch.condition,
      shelfMetres: batch.shelfMetres,
      notes: batch.notes,
      packedAt: new Date().toISOString(),
      packedBy: ctx.actor(),
    },
    ...catalogueBody(ec.records),
    secretConfirmations: confirmations
      .flatMap((c) => (c.documentId !== null && inPackage.has(documentKey(c.documentId)) ? [{ ...c, documentId: c.documentId }] : []))
      .map((c) => ({ documentKey: documentKey(c.documentId), confirmedBy: c.confirmedBy, confirmedAt: c.confirmedAt, reason: c.reason })),
  };
}

function bagInfo(ctx: ServiceContext, ec: ExportContext, payloadBytes: number, payloadFiles: number, head: PackageResult['auditHead']): BagInfo {
  const batch = ec.batch!;
  const fonds = ec.records.fonds;
  const info: BagInfo = [
    ['Source-Organization', batch.fromOrganizationName],
    ['Contact-Name', [batch.senderRepresentative, batch.senderPosition].filter(Boolean).join(', ')],
    [
      'External-Description',
      `Tài liệu bàn giao theo Biên bản giao nhận số ${batch.code}: ${fonds.map((f) => `${f.name} (${f.code})`).join('; ')}; từ ${batch.fromOrganizationName} sang ${batch.toOrganizationName ?? '…'}.`,
    ],
    ['External-Identifier', batch.code],
    ['Bagging-Date', localDate()],
    ['Payload-Oxum', formatOxum(payloadBytes, payloadFiles)],
    ['Bag-Count', '1 of 1'],
    ['Internal-Sender-Identifier', batch.uuid],
    ['Internal-Sender-Description', batch.legalBasis ?? ''],
    ['KhoLuu-Format', `${PACKAGE_FORMAT} ${PACKAGE_FORMAT_VERSION}`],
    ['KhoLuu-Generator', `Kho Lưu ${ctx.version}`],
    ['KhoLuu-Batch-Id', batch.uuid],
    ['KhoLuu-Batch-Code', batch.code],
    ...fonds.map((f): [string, string] => ['KhoLuu-Fonds-Code', f.code]),
    ['KhoLuu-Recipient', batch.toOrganizationName ?? ''],
    ['KhoLuu-Recipient-Kind', batch.recipientKind],
    ['KhoLuu-Files', String(ec.records.files.length)],
    ['KhoLuu-Documents', String(ec.records.documents.length)],
  ];
  if (head) info.push([AUDIT_HEAD_LABEL, `${head.lastId} ${head.hash} ${head.at}`]);
  return info;
}

export interface PackageTarget {
  path: string;
  zip: boolean;
  /** The target holds a complete package of this batch left unrecorded by a killed run: replace it. */
  replaces?: boolean;
}

/**
 * Checks the target before a job starts: it must not exist (unless it is an unrecorded leftover of
 * this batch's own interrupted packaging, which the new package replaces), its folder must.
 */
export async function checkTarget(ctx: ServiceContext, batch: { id: number; uuid: string }, target: PackageTarget): Promise<PackageTarget> {
  if (fs.existsSync(target.path)) {
    if (await isUnrecordedLeftover(ctx, batch, target.path)) return { ...target, replaces: true };
    throw new ApiError('handover.packageTargetExists', { path: target.path });
  }
  const parent = path.dirname(target.path);
  if (!fs.existsSync(parent)) makeChosenDirs(parent);
  return target;
}

export async function buildPackage(ctx: ServiceContext, job: Job, batchId: number, target: PackageTarget): Promise<PackageResult> {
  const ec = loadExportContext(ctx, { kind: 'batch', batchId });
  const bagName = path.basename(target.path).replace(/\.zip$/i, '');
  const replaces = target.replaces === true;
  const sink: BagSink = target.zip ? new ZipSink(target.path, bagName, replaces) : new FolderSink(target.path, replaces);
  const originalsDir = ctx.catalogue.originalsDir;
  const attachments = ec.records.attachments;
  job.status.total = attachments.length;
  job.status.bytesTotal = attachments.reduce((s, a) => s + a.size, 0);
  job.status.bytesProcessed = 0;
  const payload: ManifestEntry[] = [];
  let payloadBytes = 0;
  let auditHead: PackageResult['auditHead'] = null;
  const add = async (bagPath: string, write: Promise<{ sha256: string; size: number }>) => {
    const w = await write;
    payload.push({ sha256: w.sha256, path: bagPath });
    payloadBytes += w.size;
  };
  const checkCancel = () => {
    if (job.cancelled) throw new Cancelled();
  };

  try {
    job.status.phase = 'Đang lập biểu mẫu (mục lục, biên bản, nhãn hộp, thống kê)';
    for (const [form, format] of PACKAGED_FORMS) {
      checkCancel();
      const r = await renderExport(ec, form, format);
      await add(`${FORMS_DIR}/${r.fileName}`, sink.addBuffer(`${FORMS_DIR}/${r.fileName}`, r.bytes));
      await breathe();
    }

    job.status.phase = 'Đang ghi hồ sơ danh mục (JSON, CSV, toàn văn)';
    const catalogue = packageCatalogue(ctx, ec);
    await add(CATALOGUE_JSON, sink.addBuffer(CATALOGUE_JSON, Buffer.from(`${JSON.stringify(catalogue, null, 1)}\n`, 'utf8')));
    await add(FILES_CSV, sink.addBuffer(FILES_CSV, Buffer.from(filesCsv(catalogue), 'utf8')));
    await add(DOCUMENTS_CSV, sink.addBuffer(DOCUMENTS_CSV, Buffer.from(documentsCsv(catalogue, true), 'utf8')));
    const keys = [...ec.records.documentIds.entries()];
    const texts = linesStream(async function* () {
      for (let i = 0; i < keys.length; i += TEXT_CHUNK) {
        checkCancel();
        const slice = keys.slice(i, i + TEXT_CHUNK);
        const found = ctx.catalogue.repos.handoverData.fullTexts(slice.map(([, id]) => id));
        yield slice.map(([key, id]) => `${JSON.stringify({ document: key, fullText: found.get(id) ?? '' })}\n`).join('');
        await breathe();
      }
    });
    await add(FULL_TEXT_JSONL, sink.addStream(FULL_TEXT_JSONL, texts));

    job.status.phase = 'Đang sao và kiểm tra bản gốc';
    // Several originals are read at once (the disk and the page cache serve them in parallel)
    // while earlier ones are written; the manifest lists them in the batch's order all the same.
    const written: Array<Promise<Written>> = [];
    const window: Array<{ done: Promise<unknown>; size: number }> = [];
    let windowBytes = 0;
    for (const a of attachments) {
      checkCancel();
      const stored = ec.records.sources.get(a.key)!;
      const source = path.join(originalsDir, stored.storedPath);
      if (!fs.existsSync(source)) {
        throw new ApiError('handover.originalMissing', { fileName: a.fileName, sha256: a.sha256 });
      }
      const files = ctx.catalogue.originals;
      const w = sink
        .addFile(a.path, { size: files.plainSize(source), readWhole: () => files.readWhole(source), stream: () => files.stream(source) }, (n) => {
          job.status.bytesProcessed = (job.status.bytesProcessed ?? 0) + n;
        })
        .then((w) => {
          if (w.sha256 !== a.sha256) {
            throw new ApiError('handover.originalChanged', { fileName: a.fileName });
          }
          job.status.processed++;
          return w;
        }, (err: unknown) => {
          // A sealed original that no longer opens was changed on disk.
          throw err instanceof SealedFileError ? new ApiError('handover.originalChanged', { fileName: a.fileName }) : err;
        });
      // Awaited in order below; a failure surfaces there.
      w.catch(() => undefined);
      written.push(w);
      window.push({ done: w, size: a.size });
      windowBytes += a.size;
      while (window.length >= READ_AHEAD_FILES || (window.length > 1 && windowBytes > READ_AHEAD_BYTES)) {
        const first = window.shift()!;
        windowBytes -= first.size;
        await first.done;
        await breathe();
      }
    }
    for (const [i, w] of written.entries()) {
      const done = await w;
      payload.push({ sha256: done.sha256, path: attachments[i]!.path });
      payloadBytes += done.size;
    }

    job.status.phase = 'Đang ghi tệp kê khai (manifest) và hoàn tất gói';
    const manifest = buildManifest(payload);
    const tags: ManifestEntry[] = [];
    const tag = async (name: string, text: string) => {
      const w = await sink.addBuffer(name, Buffer.from(text, 'utf8'));
      tags.push({ sha256: w.sha256, path: name });
    };
    await tag(BAGIT_TXT, bagitDeclaration());
    const chain = ctx.catalogue.repos.audit.head();
    auditHead = chain.hash ? { lastId: chain.lastId, hash: chain.hash, at: nowOf(ctx) } : null;
    await tag(BAG_INFO, buildBagInfo(bagInfo(ctx, ec, payloadBytes, payload.length, auditHead)));
    await tag(MANIFEST, manifest);
    const tagManifest = buildManifest(tags);
    await sink.addBuffer(TAG_MANIFEST, Buffer.from(tagManifest, 'utf8'));
    await sink.finish();
    return {
      path: target.path,
      digest: createHash('sha256').update(tagManifest, 'utf8').digest('hex'),
      payloadOxum: formatOxum(payloadBytes, payload.length),
      files: payload.length,
      bytes: payloadBytes,
      auditHead,
    };
  } catch (err) {
    await sink.abort();
    throw err;
  }
}
