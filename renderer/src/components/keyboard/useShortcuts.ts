/**
 * The window's keyboard: `/` or Ctrl+K to the search box, J/K (or the arrows from an item) between
 * the items of the list shown (search results, documents, files, the review queue), E to edit the
 * record shown, X to select the focused item, ? for the help, and Esc to go back to where the focus
 * came from (before the search box, the help or a dialog took it).
 */
import { useEffect } from 'react';
import { actionOf } from './shortcuts';

/** The items J/K move between: the main link of each row of the list shown. */
export const ITEM_SELECTOR = [
  '[data-nav-item]',
  '[data-testid="search-hit-open"]',
  '[data-testid^="document-link-"]',
  '[data-testid^="file-link-"]',
  '[data-testid="review-open"]',
  '[data-testid="import-report-open"]',
].join(', ');

/** The button that edits the record shown. */
const EDIT_SELECTOR = '[data-shortcut="edit"], [data-testid="edit-document"], [data-testid="edit-file"]';

/** Where the focus was before a shortcut moved it, to go back to with Esc. */
const returnTo: HTMLElement[] = [];

export function rememberFocus(): void {
  const active = document.activeElement;
  if (active instanceof HTMLElement && active !== document.body) returnTo.push(active);
  if (returnTo.length > 20) returnTo.shift();
}

function restoreFocus(): boolean {
  while (returnTo.length > 0) {
    const el = returnTo.pop()!;
    if (el.isConnected && !el.closest('[inert]')) {
      el.focus();
      return true;
    }
  }
  return false;
}

function isTyping(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'file'].includes(el.type);
}

function items(): HTMLElement[] {
  const main = document.getElementById('main-content');
  return main ? [...main.querySelectorAll<HTMLElement>(ITEM_SELECTOR)].filter((el) => el.offsetParent !== null) : [];
}

function moveItem(step: 1 | -1): void {
  const list = items();
  if (list.length === 0) return;
  const at = list.indexOf(document.activeElement as HTMLElement);
  const next = list[at === -1 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + step))]!;
  next.focus();
  next.scrollIntoView({ block: 'nearest' });
}

export function useShortcuts(handlers: { openHelp(): void; helpOpen: boolean }): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const active = document.activeElement;
      // A dialog (other than the help) keeps its own keys.
      if (active?.closest('dialog[open]') && !handlers.helpOpen) return;
      const action = actionOf({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        typing: isTyping(active),
        onItem: active instanceof HTMLElement && active.matches(ITEM_SELECTOR),
      });
      if (!action) return;
      switch (action) {
        case 'focusSearch': {
          const search = document.getElementById('top-search') as HTMLInputElement | null;
          if (!search || active === search) return;
          rememberFocus();
          search.focus();
          search.select();
          break;
        }
        case 'nextItem':
          moveItem(1);
          break;
        case 'prevItem':
          moveItem(-1);
          break;
        case 'edit': {
          const edit = document.querySelector<HTMLButtonElement>(`#main-content :is(${EDIT_SELECTOR})`);
          if (!edit || edit.disabled) return;
          rememberFocus();
          edit.click();
          break;
        }
        case 'select': {
          const row = active instanceof HTMLElement ? active.closest('li, tr') : null;
          const box = row?.querySelector<HTMLInputElement>('input[type="checkbox"]');
          if (!box) return;
          box.click();
          break;
        }
        case 'help':
          rememberFocus();
          handlers.openHelp();
          break;
        case 'back':
          // Only from a place a shortcut sent the focus to (the search box, the help).
          if (handlers.helpOpen || returnTo.length === 0) return;
          if (active instanceof HTMLElement && active.id !== 'top-search') return;
          if (!restoreFocus()) return;
          break;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [handlers]);
}

export { restoreFocus };
