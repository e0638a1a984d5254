import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Sites the coder may allow page scanning on, one at a time (requested from the panel, never at install). */
const SCANNABLE_SITES = ['http://*/*', 'https://*/*'];

// The manifest asks for as little as possible: the code data is embedded and imported locally, and
// no site can be read until the coder (or their organisation's policy) turns scanning on for it.
// - activeTab + scripting: "Scan this page" once, from the menu or shortcut (a user gesture);
// - optional host permissions: per-site opt-in, asked for in the panel when the coder turns a site on;
// - contextMenus + commands: "Look up in Coder Lens" on selected text;
// - storage.managed_schema: the site allowlist an organisation can set by policy (Chrome).
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Coder Lens',
    description: 'ICD-10-CM, ICD-10-PCS and HCPCS lookup for medical coders — on your device, nothing sent anywhere.',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // MV2 (Firefox) has no optional_host_permissions: host patterns are optional permissions there.
    ...(manifestVersion === 3 ? { optional_host_permissions: SCANNABLE_SITES } : { optional_permissions: SCANNABLE_SITES }),
    action: { default_title: 'Open Coder Lens' },
    commands: {
      'lookup-selection': { suggested_key: { default: 'Alt+Shift+L' }, description: 'Look up the selected text in Coder Lens' },
      'scan-page': { suggested_key: { default: 'Alt+Shift+S' }, description: 'Scan this page for clinical terms' },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'coder-lens@coderlens.local' } } }
      : { storage: { managed_schema: 'managed_schema.json' } }),
  }),
});
