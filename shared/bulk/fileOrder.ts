/**
 * Sắp xếp và đánh số hồ sơ: the files (hồ sơ) of a mục lục stand in the order of their numbers (số
 * hồ sơ, compared as numbers: `2` before `10`), so arranging them is giving them numbers. Moving a
 * file exchanges numbers with the files it passes; renumbering gives `prefix + start`, `+ 1`… in
 * the order shown. The service plans with these functions and the screen previews with them, so
 * what the preview shows is what is written.
 */

/** Số hồ sơ compared as the Mục lục hồ sơ orders them (numbers by value, then Vietnamese order). */
export const byFileCode = new Intl.Collator('vi', { numeric: true });

export interface OrderedFile {
  id: number;
  code: string;
  /** In a handover batch past the draft (listed, packed, handed over): its number stays. */
  locked?: boolean;
}

/** Files in the order of their numbers (ties by id, so the order is stable). */
export function inCodeOrder<F extends { id: number; code: string }>(files: readonly F[]): F[] {
  return [...files].sort((a, b) => byFileCode.compare(a.code, b.code) || a.id - b.id);
}

/**
 * Moves the chosen ids one place up (`-1`) or down (`1`) as blocks, keeping their relative order;
 * a chosen id already at the edge stays, and the ones behind it close up to it.
 */
export function moveChosen(order: readonly number[], chosen: ReadonlySet<number>, step: -1 | 1): number[] {
  const out = [...order];
  const indices = out.map((_, i) => i);
  if (step === 1) indices.reverse();
  for (const i of indices) {
    if (!chosen.has(out[i]!)) continue;
    const j = i + step;
    if (j < 0 || j >= out.length || chosen.has(out[j]!)) continue;
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Moves the chosen ids to the top or the bottom of the list, in their present order. */
export function moveChosenToEnd(order: readonly number[], chosen: ReadonlySet<number>, end: 'top' | 'bottom'): number[] {
  const picked = order.filter((id) => chosen.has(id));
  const rest = order.filter((id) => !chosen.has(id));
  return end === 'top' ? [...picked, ...rest] : [...rest, ...picked];
}

export interface CodeChange {
  id: number;
  from: string;
  to: string;
}

export interface OrderPlan {
  /** Files whose number changes, in the new order. */
  changes: CodeChange[];
  /** Locked files the order asked to renumber: they keep their number. */
  kept: Array<{ id: number; code: string }>;
}

/**
 * Puts files in the order given by exchanging their numbers: the numbers they hold, in number
 * order, are handed out again in the new order. Locked files keep theirs (and are named in `kept`
 * when the order would have changed it); the others share the remaining numbers.
 */
export function reorderCodes(files: readonly OrderedFile[]): OrderPlan {
  const wanted = hand(files, files);
  const kept = files.filter((f) => f.locked && wanted.get(f.id) !== f.code).map((f) => ({ id: f.id, code: f.code }));
  const movable = files.filter((f) => !f.locked);
  const given = hand(movable, movable);
  return { changes: movable.filter((f) => given.get(f.id) !== f.code).map((f) => ({ id: f.id, from: f.code, to: given.get(f.id)! })), kept };
}

function hand(order: readonly OrderedFile[], holders: readonly OrderedFile[]): Map<number, string> {
  const codes = inCodeOrder(holders).map((f) => f.code);
  return new Map(order.map((f, i) => [f.id, codes[i]!]));
}

/**
 * Đánh lại số hồ sơ: `prefix + start`, `prefix + start + 1`… in the order given. Locked files keep
 * their number (named in `kept` when it would change) and the count goes on past them.
 */
export function renumberCodes(files: readonly OrderedFile[], start = 1, prefix = ''): OrderPlan {
  const changes: CodeChange[] = [];
  const kept: OrderPlan['kept'] = [];
  files.forEach((f, i) => {
    const to = `${prefix}${start + i}`;
    if (to === f.code) return;
    if (f.locked) kept.push({ id: f.id, code: f.code });
    else changes.push({ id: f.id, from: f.code, to });
  });
  return { changes, kept };
}

/** Numbers the plan would give that another file of the list (not changed by it) already holds. */
export function collisions(plan: OrderPlan, others: readonly { id: number; code: string }[]): string[] {
  const moving = new Set(plan.changes.map((c) => c.id));
  const held = new Set(others.filter((f) => !moving.has(f.id)).map((f) => f.code));
  return plan.changes.filter((c) => held.has(c.to)).map((c) => c.to);
}
