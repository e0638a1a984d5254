import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The manifest asks for as little as possible: the code data is embedded and imported locally,
// so no host permission is needed for the foundation. Later features add optional permissions.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Coder Lens',
    description: 'ICD-10-CM, ICD-10-PCS and HCPCS lookup for medical coders — on your device, nothing sent anywhere.',
    permissions: ['storage', 'unlimitedStorage', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    action: { default_title: 'Open Coder Lens' },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'coder-lens@coderlens.local' } } } : {}),
  }),
});
