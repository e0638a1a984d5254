/**
 * Our one element in the page: a host for the card and the fallback overlay, appended to <html>
 * only when first needed, its content in a closed shadow root (page styles and scripts do not
 * reach in; nothing inside shows in the page's serialized DOM). Everything else we do leaves the
 * page's DOM as it was.
 */
import { UI_CSS } from './ui-style';

export const HOST_TAG = 'coder-lens-ui';

export interface UiHost {
  /** The shadow root, creating (or re-attaching) the host element on first use. */
  root(): ShadowRoot;
  isOurs(node: Node): boolean;
  remove(): void;
}

export function createUiHost(): UiHost {
  let host: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  return {
    root() {
      if (!host || !shadow) {
        host = document.createElement(HOST_TAG);
        // Out of the page's layout and above it; `all: initial` keeps page rules for unknown elements off it.
        host.setAttribute('style', 'all: initial !important; position: absolute !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important; display: block !important;');
        shadow = host.attachShadow({ mode: 'closed' });
        const style = document.createElement('style');
        style.textContent = UI_CSS;
        shadow.append(style);
      }
      // A page that rebuilds <html>'s children may have removed it.
      if (!host.isConnected) document.documentElement.append(host);
      return shadow;
    },
    isOurs: (node) => host !== null && (node === host || host.contains(node)),
    remove() {
      host?.remove();
      host = null;
      shadow = null;
    },
  };
}
