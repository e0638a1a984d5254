import { describe, expect, it } from 'vitest';
import { codeDetail, type CodeDetail } from '../../../lib/detail/code-detail';
import { detailKeyAction, detailKeyHint, navigationTarget, type DetailKeyEvent } from '../../../lib/detail/detail-keys';
import { detailPack } from '../../support/detail-packs';

/** A plain key press with the focus on the heading, nothing selected. */
const press = (key: string, more: Partial<DetailKeyEvent> = {}): DetailKeyEvent => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  inTextField: false,
  hasSelection: false,
  ...more,
});

const detail = (code: string): CodeDetail => {
  const d = codeDetail(detailPack(), code);
  if (!d) throw new Error(`no detail for ${code}`);
  return d;
};

describe('detail view keys', () => {
  it('maps the single keys to navigation and actions', () => {
    expect(['u', '[', ']', 'd', 'c', 't', 'w', 'f'].map((k) => detailKeyAction(press(k)))).toEqual([
      'parent',
      'previousSibling',
      'nextSibling',
      'firstChild',
      'copy',
      'copyWithTitle',
      'addToWorklist',
      'toggleFavorite',
    ]);
    expect(detailKeyAction(press('x'))).toBeNull();
    expect(detailKeyAction(press('Enter'))).toBeNull();
  });

  it('takes Caps Lock letters but leaves Shift+letter alone', () => {
    expect(detailKeyAction(press('U'))).toBe('parent');
    expect(detailKeyAction(press('U', { shiftKey: true }))).toBeNull();
  });

  it('leaves every other modifier chord to the browser (Ctrl+T, Cmd+W, Alt+F, Ctrl+[)', () => {
    expect(detailKeyAction(press('t', { ctrlKey: true }))).toBeNull();
    expect(detailKeyAction(press('w', { metaKey: true }))).toBeNull();
    expect(detailKeyAction(press('f', { altKey: true }))).toBeNull();
    expect(detailKeyAction(press('[', { ctrlKey: true }))).toBeNull();
    expect(detailKeyAction(press('d', { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it('copies the code on Ctrl+C or Cmd+C only when no text is selected', () => {
    expect(detailKeyAction(press('c', { ctrlKey: true }))).toBe('copy');
    expect(detailKeyAction(press('c', { metaKey: true }))).toBe('copy');
    expect(detailKeyAction(press('c', { ctrlKey: true, hasSelection: true }))).toBeNull();
    expect(detailKeyAction(press('c', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(detailKeyAction(press('c', { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it('does nothing while typing (7th-character choices, text fields) or composing', () => {
    expect(detailKeyAction(press('d', { inTextField: true }))).toBeNull();
    expect(detailKeyAction(press(']', { inTextField: true }))).toBeNull();
    expect(detailKeyAction(press('c', { ctrlKey: true, inTextField: true }))).toBeNull();
    expect(detailKeyAction(press('u', { isComposing: true }))).toBeNull();
  });
});

describe('detail navigation targets', () => {
  it('opens the parent, the siblings either side and the first child of S13.4', () => {
    const d = detail('S13.4');
    expect(navigationTarget(d, 'parent')).toBe('S13');
    expect(navigationTarget(d, 'previousSibling')).toBe('S131');
    expect(navigationTarget(d, 'nextSibling')).toBe('S135');
    expect(navigationTarget(d, 'firstChild')).toBe('S134XXA');
    expect(navigationTarget(d, 'copy')).toBeUndefined();
  });

  it('has nothing past the ends: no parent above a category, no child below a valid code, no wrap-around', () => {
    expect(navigationTarget(detail('E11'), 'parent')).toBeUndefined();
    expect(navigationTarget(detail('E08'), 'previousSibling')).toBeUndefined();
    expect(navigationTarget(detail('E11'), 'nextSibling')).toBeUndefined();
    expect(navigationTarget(detail('S13.4XXS'), 'firstChild')).toBeUndefined();
    expect(navigationTarget(detail('S13.4XXS'), 'previousSibling')).toBe('S134XXD');
  });
});

describe('detail key hint', () => {
  it('lists only the keys that do something', () => {
    expect(detailKeyHint({ copy: true, worklist: true, favorite: true })).toBe(
      'u parent · [ ] siblings · d child · c copy · t copy with title · w add to worklist · f favorite · Esc back',
    );
    expect(detailKeyHint({ copy: false, worklist: false, favorite: false })).toBe('u parent · [ ] siblings · d child · Esc back');
  });
});
