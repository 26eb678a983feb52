/**
 * The `Kính gửi:` label, matched on folded text: as printed, or with its second word garbled by a
 * recogniser (`Kính oxrr' Plano ít oy cử BOS: Ban Chỉ huy …`). A garbled label is taken only with
 * its colon and with marks no word holds (a quote, a digit, a run of consonants), so a sentence
 * opening with `Kính đề nghị …:` stays a sentence; its list is read and flagged for review.
 */

const PRINTED_RE = /^[-–+•\s]{0,4}kinh gui(?![a-z])\s?:?\s?/;
const GARBLED_RE = /^[-–+•\s]{0,4}kinh\s((?!trinh\b)[^:]{1,40}):\s?/;
/** A character no Vietnamese word holds, or two letters with no vowel. */
const NOISE_RE = /[^a-z\s]|(?:^|\s)[b-df-hj-np-tv-xz]{2,}(?:\s|$)/;

export interface KinhGuiLabel {
  /** Characters of the folded text the label takes, its colon and a space included. */
  length: number;
  garbled: boolean;
}

export function kinhGuiLabel(folded: string): KinhGuiLabel | null {
  const printed = PRINTED_RE.exec(folded);
  if (printed) return { length: printed[0].length, garbled: false };
  const garbled = GARBLED_RE.exec(folded);
  return garbled && NOISE_RE.test(garbled[1]!) ? { length: garbled[0].length, garbled: true } : null;
}
