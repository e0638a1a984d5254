import { defineContentScript } from 'wxt/utils/define-content-script';
import { startDetector } from './start';

/**
 * The page scanner. Registered at runtime only (lib/background/site-access.ts): for the sites the
 * coder or their organisation turned on, or injected once by "Scan this page". No host
 * permission is requested in the manifest for it.
 */
export default defineContentScript({
  registration: 'runtime',
  allFrames: true,
  main(ctx) {
    startDetector(ctx);
  },
});
