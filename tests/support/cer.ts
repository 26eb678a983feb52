/** Character error rate: edit distance between a reading and the known text, over the known text's length (spaces folded). */
export function characterErrorRate(read: string, truth: string): number {
  const a = [...normalise(read)];
  const b = [...normalise(truth)];
  if (b.length === 0) return a.length === 0 ? 0 : 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]! / b.length;
}

function normalise(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}
