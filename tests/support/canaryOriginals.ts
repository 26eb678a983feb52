/**
 * Secret canary documents as Word and PDF files whose bytes carry canary words readable as they are
 * (what `strings` or `grep -a` would find): the Word file zipped without compression, the PDF
 * written uncompressed with a canary title. They prove that a test looking for canaries in
 * originals can see them before encryption, and that none is readable after.
 */
import PDFDocument from 'pdfkit';
import yauzl from 'yauzl';
import yazl from 'yazl';
import path from 'node:path';
import { docxBytes } from './mixedCorpus';
import { REPO } from './paths';
import { canaryText } from './secretCanary';
import { type TestApp, waitForJob } from './services';

const SERIF = path.join(REPO, 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSerif.ttf');

/** The same zip with every entry stored (no compression). */
function stored(zip: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, reader) => {
      if (err || !reader) return reject(err ?? new Error('no zip'));
      const out = new yazl.ZipFile();
      reader.on('entry', (entry: yauzl.Entry) => {
        reader.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.addBuffer(Buffer.concat(chunks), entry.fileName, { compress: false });
            reader.readEntry();
          });
        });
      });
      reader.on('end', () => {
        const chunks: Buffer[] = [];
        out.outputStream.on('data', (c: Buffer) => chunks.push(c));
        out.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
        out.end();
      });
      reader.readEntry();
    });
  });
}

export async function canaryDocx(variant: string): Promise<Buffer> {
  return stored(await docxBytes(canaryText(variant)));
}

export function canaryPdf(variant: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, compress: false, info: { Title: 'canarytext canarysubj', CreationDate: new Date('2025-01-01T00:00:00Z') } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font(SERIF).fontSize(11);
    for (const line of canaryText(variant).split('\n')) doc.text(line === '' ? ' ' : line);
    doc.end();
  });
}

/** Uploads secret canary documents as .docx and .pdf into `target`, marked secret; returns the ids of the documents they are originals of. */
export async function uploadCanaryOriginals(app: TestApp, target: { fondsId: number; fileId?: number }, variant = ' (Word, PDF)'): Promise<number[]> {
  const uploads = [
    { name: 'bao-cao-mat.docx', contentBase64: (await canaryDocx(`${variant} docx`)).toString('base64') },
    { name: 'bao-cao-mat.pdf', contentBase64: (await canaryPdf(`${variant} pdf`)).toString('base64') },
  ];
  const { jobId } = await app.call('import.start', { target, uploads });
  const status = await waitForJob(app, jobId);
  // A file of the same secret report is kept as another original of it (outcome 'duplicate', with
  // the document it joined): its bytes are stored all the same.
  const ids = status.results.filter((r) => r.documentId !== undefined && r.documentId !== null).map((r) => r.documentId!);
  if (ids.length !== uploads.length) throw new Error(`canary upload: ${JSON.stringify(status.results)}`);
  for (const id of new Set(ids)) {
    const doc = await app.call('documents.get', { id });
    if (doc.securityLevel === null) await app.call('documents.update', { id, patch: { securityLevel: 'mat' } });
  }
  return ids;
}
