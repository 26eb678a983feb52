import { subSeg, textIndex, type Seg } from './clean';
import type { Item } from './classify';
import { isCapitals } from './lexicon';
import { kinhGuiLabel } from './kinhGuiLabel';
import { readList, type ListRead } from './lists';

/**
 * Kính gửi: written `Kính gửi: Ban Thường vụ Tỉnh ủy`, or as a heading over a bullet list
 * (`- Kính gửi:*` then `- Các đồng chí …,`). It sits under the subject of a công văn or tờ trình,
 * before the body.
 */

const NUMBERED_RE = /^(?:\d{1,2}(?:\.\d{1,2}){0,3}\s?[.)/-]|[IVX]{1,5}\s?[.\-/]|\(\d{1,2}\))\s/u;

function endsList(seg: Seg): boolean {
  return (
    seg.text.length > 200 ||
    NUMBERED_RE.test(seg.text) ||
    /^(noi nhan|kinh gui)/.test(seg.folded) ||
    (isCapitals(seg.text, 3) && !/^[-–+•]/.test(seg.text))
  );
}

export function readAddressees(items: readonly Item[], segs: readonly Seg[]): ListRead | null {
  const it = items.find((x) => x.kind === 'kinhGui');
  if (!it) return null;
  const label = kinhGuiLabel(it.seg.folded)!;
  const inline = subSeg(it.seg, textIndex(it.seg, label.length));
  const list = readList(segs, it.segIndex + 1, inline, { stop: endsList, maxItems: 40 });
  return list && label.garbled ? { ...list, doubtful: true } : list;
}
