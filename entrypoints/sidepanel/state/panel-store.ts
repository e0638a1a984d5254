import { signal } from '@preact/signals';
import type { CodeSystem } from '../../../lib/codeset/releases';
import type { PanelTab } from '../../../lib/search-view/tabs';
import { DEFAULT_SETTINGS, parseSettings, type PanelSettings } from '../../../lib/search-view/settings';
import { codeCopyText } from '../../../lib/worklist/clipboard';

/** A short message the panel shows (and a screen reader announces) after an action. */
export interface PanelNotice {
  text: string;
  kind: 'ok' | 'error';
  /** Increases with every notice, so the same text twice is announced twice. */
  seq: number;
}

export interface SettingsStorage {
  getValue(): Promise<unknown>;
  setValue(value: PanelSettings): Promise<void>;
  watch(cb: (value: unknown) => void): () => void;
}

/** The code a copy keystroke acts on. */
export interface CopyTarget {
  system: CodeSystem;
  code: string;
  title: string;
}

/** Time a notice stays on screen. */
const NOTICE_MS = 2500;

/**
 * Panel-wide state: the open tab, the coder's settings, and copying with a visible confirmation.
 * The clipboard and settings storage are passed in, so the store runs in Node tests.
 */
export function createPanelStore(deps: { writeClipboard: (text: string) => Promise<void>; settings: SettingsStorage }) {
  const tab = signal<PanelTab>('search');
  const settings = signal<PanelSettings>(DEFAULT_SETTINGS);
  const notice = signal<PanelNotice | null>(null);
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function show(text: string, kind: PanelNotice['kind']) {
    notice.value = { text, kind, seq: ++seq };
    clearTimeout(timer);
    const shown = seq;
    timer = setTimeout(() => {
      if (notice.peek()?.seq === shown) notice.value = null;
    }, NOTICE_MS);
  }

  /** Copies text; `what` names it in the confirmation ("S13.4XXA", "3 codes"). */
  async function copyText(text: string, what: string): Promise<boolean> {
    try {
      await deps.writeClipboard(text);
      show(`Copied ${what}`, 'ok');
      return true;
    } catch (err) {
      show(`Could not copy ${what}: ${err instanceof Error ? err.message : String(err)}`, 'error');
      return false;
    }
  }

  return {
    tab,
    settings,
    notice,
    show,
    copyText,
    /** Copies one code (with or without its dot, as set) and optionally its title. */
    copyCode(target: CopyTarget, withTitle: boolean): Promise<boolean> {
      const text = codeCopyText(target, { withDots: settings.peek().copyWithDots, withTitle });
      const code = codeCopyText(target, { withDots: settings.peek().copyWithDots, withTitle: false });
      return copyText(text, withTitle ? `${code} with its title` : code);
    },
    setTab(next: PanelTab) {
      tab.value = next;
    },
    async setCopyWithDots(copyWithDots: boolean) {
      settings.value = { ...settings.peek(), copyWithDots };
      await deps.settings.setValue(settings.peek());
    },
    async start() {
      settings.value = parseSettings(await deps.settings.getValue());
      deps.settings.watch((v) => (settings.value = parseSettings(v)));
    },
  };
}

export type PanelStore = ReturnType<typeof createPanelStore>;
