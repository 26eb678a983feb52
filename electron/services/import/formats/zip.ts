import yauzl from 'yauzl';

/**
 * A look inside an Office file (a zip) before handing it to a reader: which parts it has, how big
 * they unpack, and the text of a small part. A cut-short file fails here with a clear cause
 * instead of deep inside a library, and a part that would unpack to an absurd size (a zip bomb)
 * is refused before anything is unpacked.
 */
export interface ZipIndex {
  entries: Map<string, yauzl.Entry>;
  /** Reads one part as UTF-8 text, refusing it above `maxBytes`. */
  readText(name: string, maxBytes: number): Promise<string | null>;
  close(): void;
}

export class ZipError extends Error {}

export function openZip(bytes: Uint8Array): Promise<ZipIndex> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) {
        reject(new ZipError(err?.message ?? 'not a zip'));
        return;
      }
      const entries = new Map<string, yauzl.Entry>();
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('error', (e: Error) => reject(new ZipError(e.message)));
      zip.on('end', () =>
        resolve({
          entries,
          close: () => zip.close(),
          readText: (name, maxBytes) => {
            const entry = entries.get(name);
            if (!entry) return Promise.resolve(null);
            if (entry.uncompressedSize > maxBytes) return Promise.reject(new ZipError(`${name} unpacks to ${entry.uncompressedSize} bytes`));
            return new Promise((res, rej) => {
              zip.openReadStream(entry, (e, stream) => {
                if (e || !stream) {
                  rej(new ZipError(e?.message ?? 'cannot read'));
                  return;
                }
                const chunks: Buffer[] = [];
                stream.on('data', (c: Buffer) => chunks.push(c));
                stream.on('error', (se: Error) => rej(new ZipError(se.message)));
                stream.on('end', () => res(Buffer.concat(chunks).toString('utf8')));
              });
            });
          },
        }),
      );
      zip.readEntry();
    });
  });
}
