import { dropHostCaptions } from './attachment';
import { citationDisagrees, findCitations } from './citations';
import { readFooter } from './footer';
import { readHeaderBlock } from './header';
import { spanOf, type Piece } from './piece';
import type { PlacedPage } from './layout';
import { readLayoutHeader } from './layoutHeader';
import { checkOcrFields } from './ocrDoubt';
import { illegibleInLostText, lostAccentedLetters, symbolLostLetters, symbolLostStroke } from './lostLetters';
import { dropPageTitleNumbers } from './pageTitle';
import { findDocument } from './region';
import { buildReview, placeLooksMisspelled } from './review';
import { withLineCache } from './clean';
import type { MetadataField, ParsedMetadata, ParseResult, TextSpan } from './types';
import { toNfc } from '../text/normalize';

export { HEADER_CHARS } from './header';

/**
 * Reads the metadata of one party or State document (layout: `../shared/docs/domain.md`, beside
 * the repo; docs/state-documents.md). `pages`, when the reader knew where words sit (OCR word
 * boxes, a PDF's text items, Word table cells), lets the header be read as the two-column table it
 * is; spans still point into the text.
 *
 * The input is normalised to NFC first (old exports are often NFD); every span in the result is a
 * UTF-16 range of that NFC text — identical to the input when the input is already NFC. Fields
 * the text does not state are null or []; nothing is inferred from the body. Pure: no I/O, no
 * platform API, so it runs in the browser, Node and workers alike.
 */
export function parseDocument(input: string, pages?: readonly PlacedPage[]): ParseResult {
  // `Ð` (U+00D0, Icelandic eth) is how OCR and some fonts give `Đ`; Vietnamese has no other use
  // for it. One unit for one, so every span still points into the input. The placed words get the
  // same letter, so a header read from its cells reads what the text reads (`66-QĐÐ/TW`).
  const text = toNfc(input).replace(ETH, asDStroke);
  const placed = pages && ETH_ONE.test(input) ? pages.map((p) => ({ ...p, items: p.items.map((w) => (ETH_ONE.test(w.text) ? { ...w, text: w.text.replace(ETH, asDStroke) } : w)) })) : pages;
  // The bounds, the header and the footer each clean a window of the text: a line is cleaned once.
  return withLineCache(text, () => parseText(text, placed));
}

const ETH = /[Ðð]/g;
const ETH_ONE = /[Ðð]/;
const asDStroke = (c: string): string => (c === 'Ð' ? 'Đ' : 'đ');

/** Fields written in words (names, subjects, lists), which a text that lost letters can make illegible. */
const LEGIBLE_FIELDS = ['issuer', 'parentIssuer', 'subject', 'place', 'signingAuthority', 'signerTitle', 'signerName', 'addressees', 'recipients'] as const;

/**
 * `xs.map(f)` (`[]` for none), built by pushing: `map` in optimised code makes a holey array where
 * the interpreter's is packed, and the code reading the lists (the review) was optimised for one
 * kind and thrown away at the other.
 */
function mapped<T, U>(xs: readonly T[] | undefined, f: (x: T) => U): U[] {
  const out: U[] = [];
  if (xs) for (let i = 0; i < xs.length; i++) out.push(f(xs[i]!));
  return out;
}

function parseText(text: string, pages: readonly PlacedPage[] | undefined): ParseResult {
  const spans: Partial<Record<MetadataField, TextSpan[]>> = {};
  const pieces: Partial<Record<MetadataField, Piece[]>> = {};
  const doubts = new Set<MetadataField>();
  const put = (field: MetadataField, p: Piece | null | undefined): void => {
    const s = p ? spanOf(p) : null;
    if (s) (spans[field] ??= []).push(s);
    if (p && s) (pieces[field] ??= []).push(p);
  };

  // ---- where the document is in what was saved ----
  const region = findDocument(text);

  // ---- header: from positions where the reader knew them, else from the text ----
  const h = readHeaderBlock(text, region, readLayoutHeader(text, pages, region));
  const num = h.number;
  if (num?.bare || num?.repaired) doubts.add('numberSymbol');
  put('numberSymbol', num?.piece);
  put('docType', h.docTypePiece);
  // The printed type and the number's abbreviation disagree: one of them is a typo.
  if (h.docTypeConflict || h.docTypeUnsure) doubts.add('docType');
  if (h.subject?.doubtful || h.subjectCut) doubts.add('subject');
  // From OCR a doubtful subject is more often wrong than not (the reading order mixed lines into it).
  const ocr = !!pages?.some((p) => p.source === 'ocr');
  const subject = h.subject && !(ocr && h.subject.doubtful) ? h.subject : null;
  put('subject', subject?.piece);
  // A title-derived issuer (`BAN THƯỜNG VỤ TỈNH ỦY`) names the kind of body, not which province.
  if (h.issuerDoubtful || h.issuerFromTitle) doubts.add('issuer');
  put('issuer', h.issuer);
  put('parentIssuer', h.parent);
  const pd = h.placeDate;
  put('place', pd?.place);
  if (pd?.date) put('issueDate', pd.datePiece);
  const markSpans: NonNullable<ParseResult['markSpans']> = {};
  if (h.security) markSpans.securityLevel = spanOf(h.security.piece) ?? undefined;
  if (h.urgency) markSpans.urgency = spanOf(h.urgency.piece) ?? undefined;
  if (h.addressees?.doubtful) doubts.add('addressees');
  for (const a of h.addressees?.items ?? []) put('addressees', a);
  const stamp = h.stamp;
  if (stamp) {
    (spans.incomingStamp ??= []).push(stamp.span);
    if (stamp.doubtful || !stamp.stamp.receiver || !stamp.stamp.number) doubts.add('incomingStamp');
  }

  // ---- footer ----
  const footer = readFooter(text, region);
  if (footer.recipients?.doubtful) doubts.add('recipients');
  for (const r of footer.recipients?.items ?? []) put('recipients', r);
  const sig = footer.signature;
  put('signingAuthority', sig.authority);
  put('signerTitle', sig.title);
  put('signerName', sig.name);
  if (sig.withoutAuthority) {
    doubts.add('signerTitle');
    doubts.add('signerName');
  }
  if (sig.authority && !sig.title && !sig.name) doubts.add('signingAuthority');

  // ---- citations ----
  const numberSymbol = num?.numberSymbol ?? null;
  const ownSpan = num?.piece ? spanOf(num.piece) : null;
  const citationDetails = findCitations(text, numberSymbol, region.start, region.end, ownSpan);
  // A header too damaged to give its number leaves the page's title inside what is read: the
  // number that title names is the document presented, never one it cites.
  if (numberSymbol === null) dropPageTitleNumbers(text, citationDetails);
  // An attachment after the document is captioned with the document itself (`Ban hành kèm theo …`).
  dropHostCaptions(text, region.start, citationDetails);
  for (const c of citationDetails) (spans.citations ??= []).push(c.span);
  if (citationDetails.some(citationDisagrees)) doubts.add('citations');

  const place = pd?.place?.text ?? null;
  if (place && placeLooksMisspelled(place, [h.issuer?.text ?? null, h.parent?.text ?? null])) {
    doubts.add('place');
  }
  if (pd && !pd.date) doubts.add('issueDate');
  if (pd?.placeIllegible) doubts.add('place');

  const metadata: ParsedMetadata = {
    numberSymbol,
    docType: h.docType?.name ?? null,
    issuer: h.issuer?.text ?? null,
    parentIssuer: h.parent?.text ?? null,
    issueDate: pd?.date ?? null,
    place,
    subject: subject?.piece.text ?? null,
    addressees: mapped(h.addressees?.items, (p) => p.text),
    recipients: mapped(footer.recipients?.items, (p) => p.text),
    signingAuthority: sig.authority?.text ?? null,
    signerTitle: sig.title?.text ?? null,
    signerName: sig.name?.text ?? null,
    incomingStamp: stamp?.stamp ?? null,
    citations: mapped(citationDetails, (c) => c.numberSymbol),
  };
  const lostText = lostAccentedLetters(text, region.start, region.end);
  // A number keeps its digits, not always its code: one whose `Đ` lost its stroke (`27-KH/DU`), or
  // in a text that lost its accented letters the `Đ` itself (`12/Q-UBND`), is no number as written.
  const n = metadata.numberSymbol;
  if (n !== null && (symbolLostStroke(n) || (lostText && symbolLostLetters(n)))) {
    metadata.numberSymbol = null;
    delete spans.numberSymbol;
    doubts.add('numberSymbol');
  }
  // A text layer that lost its accented letters: names and subjects that lost letters are not read.
  if (lostText) {
    const words = metadata as Pick<ParsedMetadata, (typeof LEGIBLE_FIELDS)[number]>;
    for (const f of LEGIBLE_FIELDS) {
      const v = words[f];
      const illegible = typeof v === 'string' ? illegibleInLostText(v) : Array.isArray(v) && v.some(illegibleInLostText);
      if (!illegible) continue;
      if (f === 'addressees' || f === 'recipients') words[f] = [];
      else words[f] = null;
      delete spans[f];
      doubts.add(f);
    }
    if (metadata.citations.some(symbolLostLetters)) {
      metadata.citations = [];
      citationDetails.length = 0;
      delete spans.citations;
      doubts.add('citations');
    }
  }
  // Read by OCR: known misreadings restored, values from words the recogniser was unsure of emptied.
  for (const f of checkOcrFields(metadata, { pieces, spans }, pages)) {
    doubts.add(f);
    if (metadata[f] === null || (Array.isArray(metadata[f]) && metadata[f].length === 0)) {
      delete spans[f];
      if (f === 'citations') citationDetails.length = 0;
    }
  }
  return {
    metadata,
    securityLevel: h.security?.value ?? null,
    urgency: h.urgency?.value ?? null,
    citationDetails,
    spans,
    review: buildReview(metadata, doubts),
    markSpans,
  };
}
