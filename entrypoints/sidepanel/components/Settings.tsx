import type { PanelSettings } from '../../../lib/search-view/settings';

interface Props {
  settings: PanelSettings;
  onCopyWithDots: (value: boolean) => void;
}

/** The coder's preferences, kept in the extension's local storage. */
export function Settings({ settings, onCopyWithDots }: Props) {
  return (
    <section class="cl-settings" aria-labelledby="cl-settings-title">
      <h2 id="cl-settings-title">Settings</h2>
      <label class="cl-check">
        <input type="checkbox" checked={settings.copyWithDots} onChange={(e) => onCopyWithDots(e.currentTarget.checked)} />
        Copy ICD-10-CM codes with the dot (S13.4XXA; off: S134XXA)
      </label>
    </section>
  );
}
