/**
 * A class of UTF-16 code units as a table, 1 for the units in `ranges` (`[first, last]`, both in):
 * a hot scan then asks one load per unit. A chain of comparisons answers the same, but its rare
 * branches are first met after the engine has optimised the scan (a dash, a thin space), and each
 * such first meeting threw the optimised scan away to be compiled again.
 */
export function codeTable(ranges: readonly (readonly [number, number])[]): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const [first, last] of ranges) table.fill(1, first, last + 1);
  return table;
}
