/**
 * Parser speed of this checkout against another one, in one process: the same texts parsed by both,
 * in chunks taken in turn (the order swapped from one chunk to the next), each chunk timed on this
 * thread's CPU. On the shared 2-core machine two runs of `bench:parse` one after the other differ by
 * up to 15% with nothing changed; chunks a few milliseconds apart share the machine's state, and two
 * copies of the same code compare at 1.00 (±0.01).
 */

type Parse = (text: string) => unknown;

export interface InterleavedResult {
  /** Documents both parsers read the same (equal JSON of their results). */
  same: number;
  /** The first document read differently, by index, or -1. */
  firstDifferent: number;
  /** This checkout's CPU over the other's, one ratio per round. */
  ratios: number[];
  /** CPU per document of each, over all rounds (ms). */
  msHere: number;
  msThere: number;
}

const CHUNK = 50;

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

export function compareInterleaved(texts: readonly string[], here: Parse, there: Parse, rounds: number): InterleavedResult {
  let same = 0;
  let firstDifferent = -1;
  texts.forEach((t, i) => {
    if (JSON.stringify(here(t)) === JSON.stringify(there(t))) same++;
    else if (firstDifferent < 0) firstDifferent = i;
  });
  // One more untimed pass of each: the caller may have warmed one side more than the other.
  for (const t of texts) here(t);
  for (const t of texts) there(t);
  const ratios: number[] = [];
  let totalHere = 0;
  let totalThere = 0;
  for (let r = 0; r < rounds; r++) {
    let usedHere = 0;
    let usedThere = 0;
    for (let at = 0, chunk = 0; at < texts.length; at += CHUNK, chunk++) {
      const part = texts.slice(at, at + CHUNK);
      const hereFirst = (chunk + r) % 2 === 0;
      for (const side of hereFirst ? [here, there] : [there, here]) {
        const t0 = cpuMicros();
        for (const t of part) side(t);
        const used = cpuMicros() - t0;
        if (side === here) usedHere += used;
        else usedThere += used;
      }
    }
    ratios.push(usedHere / usedThere);
    totalHere += usedHere;
    totalThere += usedThere;
  }
  const perDocument = (micros: number) => micros / 1000 / texts.length / Math.max(1, rounds);
  return { same, firstDifferent, ratios, msHere: perDocument(totalHere), msThere: perDocument(totalThere) };
}
