import { describe, expect, it } from 'vitest';
import { SHORTCUTS, actionOf, type KeyPress } from '../../../renderer/src/components/keyboard/shortcuts';
import { vi } from '../../../renderer/src/i18n/vi';
import { en } from '../../../renderer/src/i18n/en';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, typing: false, onItem: false, ...extra });

describe('keyboard shortcuts', () => {
  it('maps keys to actions when no text field has the focus', () => {
    expect(actionOf(press('/'))).toBe('focusSearch');
    expect(actionOf(press('k', { ctrlKey: true }))).toBe('focusSearch');
    expect(actionOf(press('j'))).toBe('nextItem');
    expect(actionOf(press('k'))).toBe('prevItem');
    expect(actionOf(press('e'))).toBe('edit');
    expect(actionOf(press('x'))).toBe('select');
    expect(actionOf(press('?'))).toBe('help');
    expect(actionOf(press('Escape'))).toBe('back');
  });

  it('leaves letters to a text field, except Ctrl+K and Esc', () => {
    for (const key of ['/', 'j', 'k', 'e', 'x', '?']) expect(actionOf(press(key, { typing: true })), key).toBeNull();
    expect(actionOf(press('k', { typing: true, ctrlKey: true }))).toBe('focusSearch');
    expect(actionOf(press('Escape', { typing: true }))).toBe('back');
  });

  it('moves with the arrows only from a list item, so the page still scrolls elsewhere', () => {
    expect(actionOf(press('ArrowDown'))).toBeNull();
    expect(actionOf(press('ArrowDown', { onItem: true }))).toBe('nextItem');
    expect(actionOf(press('ArrowUp', { onItem: true }))).toBe('prevItem');
  });

  it('leaves the browser its own combinations', () => {
    expect(actionOf(press('j', { altKey: true }))).toBeNull();
    expect(actionOf(press('e', { ctrlKey: true }))).toBeNull();
  });

  it('describes every shortcut in both languages', () => {
    for (const s of SHORTCUTS) {
      expect(vi[s.label]).toBeTruthy();
      expect(en[s.label]).toBeTruthy();
    }
  });
});
