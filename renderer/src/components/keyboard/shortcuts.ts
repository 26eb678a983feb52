/**
 * The keyboard shortcuts of the whole window, listed once: the handler reads this table and the
 * help overlay shows it. Shortcuts without a modifier act only when no text field has the focus.
 */
import type { MessageKey } from '../../i18n';

export type ShortcutAction = 'focusSearch' | 'nextItem' | 'prevItem' | 'edit' | 'select' | 'help' | 'back';

export interface Shortcut {
  action: ShortcutAction;
  /** The keys as shown in the help, e.g. `/` or `Ctrl K`. */
  keys: string[];
  label: MessageKey;
}

export const SHORTCUTS: Shortcut[] = [
  { action: 'focusSearch', keys: ['/', 'Ctrl + K'], label: 'keys.focusSearch' },
  { action: 'nextItem', keys: ['J', '↓'], label: 'keys.nextItem' },
  { action: 'prevItem', keys: ['K', '↑'], label: 'keys.prevItem' },
  { action: 'edit', keys: ['E'], label: 'keys.edit' },
  { action: 'select', keys: ['X'], label: 'keys.select' },
  { action: 'help', keys: ['?'], label: 'keys.help' },
  { action: 'back', keys: ['Esc'], label: 'keys.back' },
];

/** Keys handled elsewhere, shown in the help for completeness. */
export const OTHER_KEYS: Array<{ keys: string[]; label: MessageKey }> = [
  { keys: ['Enter'], label: 'keys.open' },
  { keys: ['Shift + Click'], label: 'keys.range' },
  { keys: ['PageUp', 'PageDown'], label: 'keys.pages' },
  { keys: ['+', '−'], label: 'keys.zoom' },
  { keys: ['Alt + ↑', 'Alt + ↓'], label: 'keys.moveFile' },
];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The focus is in a text field (where letters are text, not commands). */
  typing: boolean;
  /** The focus is on one of the list items j/k move between. */
  onItem: boolean;
}

/** The action a key press asks for, or null. */
export function actionOf(k: KeyPress): ShortcutAction | null {
  if ((k.ctrlKey || k.metaKey) && !k.altKey && k.key.toLowerCase() === 'k') return 'focusSearch';
  if (k.key === 'Escape') return 'back';
  if (k.typing || k.ctrlKey || k.metaKey || k.altKey) return null;
  switch (k.key) {
    case '/':
      return 'focusSearch';
    case '?':
      return 'help';
    case 'j':
      return 'nextItem';
    case 'k':
      return 'prevItem';
    // The arrows move between items only from an item: elsewhere they keep scrolling the page.
    case 'ArrowDown':
      return k.onItem ? 'nextItem' : null;
    case 'ArrowUp':
      return k.onItem ? 'prevItem' : null;
    case 'e':
      return 'edit';
    case 'x':
      return 'select';
    default:
      return null;
  }
}
