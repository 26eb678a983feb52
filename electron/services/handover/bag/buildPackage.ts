/**
 * Builds the handover package of a batch: a BagIt bag (RFC 8493) holding the originals, the
 * catalogue records (JSON, CSV, full texts as JSON lines) and the exported forms, with the
 * manifests and bag-info a receiving archive checks. Runs as a job: progress in files and bytes,
 * cancellable between files; a cancelled or failed package leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../../shared/contract/errors';
import type { BatchDetail, PackageResult } from '../../../../shared/contract/types/handover';
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
import { Cancelled } from '../../jobs';
import { catalogueBody, documentKey, documentsCsv, filesCsv, orgKey } from '../catalogueRecords';
import type { ExportContext } from '../exports/exporter';
import { loadExportContext } from '../exports/exportContext';
import { type FormsRendering, renderForms } from '../exports/formsThread';
import { type BagSink, FolderSink, type Written, type WrittenApart, ZipSink } from './bagWriter';
import { type FullTextWriting, writeFullTextsApart } from './fullTextThread';
import { BufferPool, readOriginal, type OriginalBytes } from './originals';
import { isUnrecordedLeftover } from './leftoverPackage';
import { makeChosenDirs } from '../../../data/makeDirs';
import { SealedFileError } from '../../../data/originals/sealedFormat';

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

/** Originals being written (behind their hashing) while the next ones are added. */
const HASHING_AT_ONCE = 8;

/** Bytes of originals copied between two turns given to progress polls and cancel calls. */
const BREATHE_BYTES = 8 * 1024 * 1024;

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

/** The full texts as JSON lines, a chunk of documents at a time, as bytes straight from the catalogue. */
async function* fullTextChunks(ctx: ServiceContext, documents: Array<[string, number]>, checkCancel: () => void): AsyncGenerator<Buffer> {
  for (let i = 0; i < documents.length; i += TEXT_CHUNK) {
    checkCancel();
    yield Buffer.concat(ctx.catalogue.repos.handoverData.fullTextLines(documents.slice(i, i + TEXT_CHUNK)));
    await breathe();
  }
}

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/** Waits for `work` (done elsewhere), looking every tenth of a second whether the package was cancelled. */
async function whileNotCancelled<T>(work: Promise<T>, checkCancel: () => void): Promise<T> {
  let settled = false;
  void work.then(
    () => (settled = true),
    () => (settled = true),
  );
  while (!settled) {
    checkCancel();
    await Promise.race([work, new Promise((resolve) => setTimeout(resolve, 100))]);
  }
  return work;
}

/** What reading or copying an original failed with, as the user is told it. */
function originalFailure(err: unknown, a: { fileName: string; sha256: string }): unknown {
  if (isMissing(err)) return new ApiError('handover.originalMissing', { fileName: a.fileName, sha256: a.sha256 });
  // A sealed original that no longer opens was changed on disk.
  if (err instanceof SealedFileError) return new ApiError('handover.originalChanged', { fileName: a.fileName });
  return err;
}

/**
 * Builds the package. `detail` is the batch as the caller just read it to check it is ready to
 * pack (read again when not given).
 */
export async function buildPackage(ctx: ServiceContext, job: Job, batchId: number, target: PackageTarget, detail?: BatchDetail): Promise<PackageResult> {
  const ec = loadExportContext(ctx, { kind: 'batch', batchId }, detail);
  const bagName = path.basename(target.path).replace(/\.zip$/i, '');
  const replaces = target.replaces === true;
  const sink: BagSink = target.zip ? await ZipSink.create(target.path, bagName, replaces) : new FolderSink(target.path, replaces);
  const originalsDir = ctx.catalogue.originalsDir;
  const attachments = ec.records.attachments;
  job.status.total = attachments.length;
  job.status.bytesTotal = attachments.reduce((s, a) => s + a.size, 0);
  job.status.bytesProcessed = 0;
  const payload: ManifestEntry[] = [];
  let payloadBytes = 0;
  let auditHead: PackageResult['auditHead'] = null;
  let stopped = false;
  let forms: FormsRendering | null = null;
  let texts: Promise<void> | null = null;
  let textsStarting: Promise<FullTextWriting | null> | null = null;
  const add = async (bagPath: string, write: Promise<{ sha256: string; size: number }>) => {
    const w = await write;
    payload.push({ sha256: w.sha256, path: bagPath });
    payloadBytes += w.size;
  };
  /** Why the full texts, written beside the originals, failed (their cancel included). */
  let textsFailure: unknown = null;
  const checkCancel = () => {
    if (job.cancelled) throw new Cancelled();
    if (stopped) throw new Error('packaging stopped');
    if (textsFailure) throw textsFailure;
  };

  try {
    // The forms are rendered on a thread of their own while the records, texts and originals are
    // written here, and go into the bag after the originals.
    forms = renderForms(ec, PACKAGED_FORMS);
    forms.rendered.catch(() => undefined);
    // The full texts too, from a connection of that thread's own, written beside the bag (a zip
    // takes them in after the originals) or in it (a folder). Where no thread starts, here.
    const documents = [...ec.records.documentIds.entries()];
    const apart = sink.fileApart(FULL_TEXT_JSONL);
    textsStarting = writeFullTextsApart(ctx.catalogue.readerAccess(), documents, apart.file, apart.flush, apart.crc).catch(() => null);

    // Several originals are read at once, ahead of their turn (the disk and the page cache serve
    // them in parallel), while earlier ones are hashed and written; the bag holds them in order.
    // The first are read while the records and texts are written.
    const pool = new BufferPool();
    const ahead: Array<{ index: number; read: Promise<OriginalBytes> }> = [];
    let aheadBytes = 0;
    let next = 0;
    const readAhead = () => {
      while (next < attachments.length && (ahead.length === 0 || (ahead.length < READ_AHEAD_FILES && aheadBytes < READ_AHEAD_BYTES))) {
        const a = attachments[next]!;
        const read = readOriginal(path.join(originalsDir, ec.records.sources.get(a.key)!.storedPath), ctx.catalogue.originals, pool, a.size);
        // Awaited in its turn; a failure is reported there.
        read.catch(() => undefined);
        ahead.push({ index: next++, read });
        aheadBytes += a.size;
      }
    };
    readAhead();

    job.setPhase('packingRecords');
    const catalogue = packageCatalogue(ctx, ec);
    const records: Array<[string, Buffer]> = [
      [CATALOGUE_JSON, Buffer.from(`${JSON.stringify(catalogue, null, 1)}\n`, 'utf8')],
      [FILES_CSV, Buffer.from(filesCsv(catalogue), 'utf8')],
      [DOCUMENTS_CSV, Buffer.from(documentsCsv(catalogue, true), 'utf8')],
    ];
    const addRecords = async () => {
      for (const [name, bytes] of records.splice(0)) await add(name, sink.addBuffer(name, bytes));
    };
    // A folder writes them now, behind. A zip (whose entries may come in any order) takes them
    // after the originals: deflated now, they waited on the thread pool behind the originals read
    // ahead, and the originals waited for them.
    if (sink.streamsAlongside) await addRecords();
    const textsThread = await textsStarting;
    let textsApart: Promise<WrittenApart> | null = null;
    if (textsThread) {
      textsApart = textsThread.written;
      textsApart.catch((err: unknown) => {
        textsFailure ??= err;
      });
    } else {
      // On this thread, a chunk at a time: in a folder while the originals are copied (the
      // catalogue's reads fill the time this thread waits for the disk), in a zip before them.
      texts = add(FULL_TEXT_JSONL, sink.addStream(FULL_TEXT_JSONL, fullTextChunks(ctx, documents, checkCancel)));
      texts.catch((err: unknown) => {
        textsFailure ??= err;
      });
      if (!sink.streamsAlongside) await texts;
    }

    job.setPhase('packingOriginals');
    const counted = (n: number) => {
      job.status.bytesProcessed = (job.status.bytesProcessed ?? 0) + n;
    };
    // An original is hashed and queued for writing (`addOriginal`) while the next ones are read:
    // a few are awaited at once, in order, each checked against the catalogue's digest.
    const hashing: Array<{ a: (typeof attachments)[number]; written: Promise<Written> }> = [];
    let sinceBreath = 0;
    const settle = async () => {
      const { a, written } = hashing.shift()!;
      let w: Written;
      try {
        w = await written;
      } catch (err) {
        throw originalFailure(err, a);
      }
      if (w.sha256 !== a.sha256) throw new ApiError('handover.originalChanged', { fileName: a.fileName });
      payload.push({ sha256: w.sha256, path: a.path });
      payloadBytes += w.size;
      job.status.processed++;
      sinceBreath += w.size;
    };
    for (readAhead(); ahead.length > 0; readAhead()) {
      checkCancel();
      const { index, read } = ahead.shift()!;
      const a = attachments[index]!;
      aheadBytes -= a.size;
      let bytes: OriginalBytes;
      try {
        bytes = await read;
      } catch (err) {
        throw originalFailure(err, a);
      }
      // A streamed original is added alone: its entry is written chunk by chunk.
      if (!bytes.whole) while (hashing.length > 0) await settle();
      const written = sink.addOriginal(a.path, bytes, counted);
      written.catch(() => undefined);
      hashing.push({ a, written });
      while (hashing.length >= (bytes.whole ? HASHING_AT_ONCE : 1)) await settle();
      if (sinceBreath >= BREATHE_BYTES) {
        sinceBreath = 0;
        await breathe();
      }
    }
    while (hashing.length > 0) await settle();
    if (textsApart) await add(FULL_TEXT_JSONL, sink.addFileApart(FULL_TEXT_JSONL, await whileNotCancelled(textsApart, checkCancel)));
    else await texts;
    await addRecords();

    job.setPhase('packingForms');
    for (const r of await whileNotCancelled(forms.rendered, checkCancel)) await add(`${FORMS_DIR}/${r.fileName}`, sink.addBuffer(`${FORMS_DIR}/${r.fileName}`, r.bytes));

    job.setPhase('packingManifest');
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
    stopped = true;
    forms?.stop();
    // The full texts stop at their next chunk (they look at `stopped`, their thread at its stop
    // flag) before the bag is removed.
    const textsThread = await textsStarting;
    textsThread?.stop();
    await textsThread?.written.catch(() => undefined);
    await texts?.catch(() => undefined);
    await sink.abort();
    throw err;
  }
}
