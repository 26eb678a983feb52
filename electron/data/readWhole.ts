import fs from 'node:fs';
import { viaCallback } from './fsync';

/**
 * Reads a whole file without blocking the calling thread on the disk: what may wait on it (opening,
 * reading: the file may sit on a slow USB stick) runs on the thread pool. Node's `fs.readFile` also
 * sends its `fstat` and `close` there, four trips to the pool and back for a file of a few
 * kilobytes; neither waits on the disk (the file is open), so both are done here. Like
 * `fs.readFile`, it reads the size `fstat` gives (and stops early at the end of a file that shrank).
 */
export async function readWholeAsync(file: string): Promise<Buffer> {
  const fd = await viaCallback<number>((done) => fs.open(file, 'r', done));
  try {
    const size = fs.fstatSync(fd).size;
    // A file that does not know its size (size 0: a pseudo-file) is read Node's way, to its end.
    if (size === 0) return await viaCallback<Buffer>((done) => fs.readFile(fd, done));
    // Its own memory, not a slice of Node's shared pool: sent to a reader thread, a view is copied with all of its memory.
    const bytes = Buffer.allocUnsafeSlow(size);
    let at = 0;
    while (at < size) {
      const n = await viaCallback<number>((done) => fs.read(fd, bytes, at, size - at, at, done));
      if (n === 0) break;
      at += n;
    }
    return at === size ? bytes : bytes.subarray(0, at);
  } finally {
    fs.closeSync(fd);
  }
}
