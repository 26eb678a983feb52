import yauzl from 'yauzl';

/**
 * A look inside an Office file (a zip) before handing it to a reader: which parts it has, how big
 * they unpack, and the text of a small part. A cut-short file fails here with a clear cause
 * instead of deep inside a library, and a zip bomb is refused before a reader unpacks it:
 *
 * - too many parts (`maxEntries`): a Word or Excel file has tens of parts, not tens of thousands;
 * - a part, or all parts together, declaring more than the limits once unpacked;
 * - a part whose header lies about its size: every part is unpacked once here, as a stream
 *   (nothing kept), and yauzl stops it as soon as it yields more bytes than declared. The readers
 *   (mammoth, exceljs, both on JSZip) would otherwise unpack it whole into memory, whatever the
 *   header says.
 */
export interface ZipIndex {
  entries: Map<string, yauzl.Entry>;
  /** Reads one part as UTF-8 text, refusing it above `maxBytes`. */
  readText(name: string, maxBytes: number): Promise<string | null>;
  close(): void;
}

export interface ZipLimits {
  maxEntries: number;
  /** Unpacked size of any one part. */
  maxPartBytes: number;
  /** Unpacked size of all parts together. */
  maxTotalBytes: number;
}

export class ZipError extends Error {}

/** The zip is well-formed but unpacks past the limits (a zip bomb, or not an office document). */
export class ZipLimitError extends ZipError {
  constructor(
    readonly limit: 'entries' | 'size',
    message: string,
  ) {
    super(message);
  }
}

function consume(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        reject(new ZipError(err?.message ?? 'cannot read'));
        return;
      }
      stream.on('data', () => {});
      stream.on('error', (e: Error) =>
        reject(/too many bytes/.test(e.message) ? new ZipLimitError('size', `${entry.fileName} unpacks to more than the ${entry.uncompressedSize} bytes it declares`) : new ZipError(e.message)),
      );
      stream.on('end', () => resolve());
    });
  });
}

export function openZip(bytes: Uint8Array, limits: ZipLimits): Promise<ZipIndex> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) {
        reject(new ZipError(err?.message ?? 'not a zip'));
        return;
      }
      const fail = (e: Error) => {
        zip.close();
        reject(e);
      };
      if (zip.entryCount > limits.maxEntries) {
        fail(new ZipLimitError('entries', `${zip.entryCount} entries (at most ${limits.maxEntries})`));
        return;
      }
      const entries = new Map<string, yauzl.Entry>();
      const all: yauzl.Entry[] = [];
      let declared = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        declared += entry.uncompressedSize;
        if (entry.uncompressedSize > limits.maxPartBytes || declared > limits.maxTotalBytes) {
          fail(new ZipLimitError('size', `${entry.fileName} declares ${entry.uncompressedSize} bytes (${declared} in all)`));
          return;
        }
        entries.set(entry.fileName, entry);
        all.push(entry);
        zip.readEntry();
      });
      zip.on('error', (e: Error) => fail(new ZipError(e.message)));
      zip.on('end', () => {
        void (async () => {
          // Every part, unpacked once and thrown away: a size lie stops at the first byte too many.
          for (const entry of all) if (!entry.fileName.endsWith('/')) await consume(zip, entry);
        })().then(
          () =>
            resolve({
              entries,
              close: () => zip.close(),
              readText: (name, maxBytes) => {
                const entry = entries.get(name);
                if (!entry) return Promise.resolve(null);
                if (entry.uncompressedSize > maxBytes) return Promise.reject(new ZipLimitError('size', `${name} unpacks to ${entry.uncompressedSize} bytes`));
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
          (e: Error) => fail(e),
        );
      });
      zip.readEntry();
    });
  });
}
