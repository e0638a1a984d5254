/**
 * Where the page scanner runs. Nothing is injected anywhere by default: the content script is
 * registered at runtime for the sites the coder turned on (each with its host permission, asked
 * for by the panel in the coder's click) and the sites the organisation's policy lists (managed
 * storage), minus the sites the coder turned off; "Scan this page" injects it once with activeTab.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { HIGHLIGHT_CSS_FILE } from '../detect/page-marks';
import { NO_POLICY, parseScanPolicy, parseUserSites, registrationPatterns, siteOf, sitePattern, siteStatus, withUserSite, type ScanPolicy, type SiteStatus } from '../detect/page-sites';
import type { ContentEnvelope } from '../messaging/protocol';
import { userSitesItem } from '../storage/page-items';

/** The built content script (WXT writes entrypoints/detector.content to this path). */
export const DETECTOR_SCRIPT = '/content-scripts/detector.js';
const REGISTRATION_ID = 'coder-lens-detector';

type Scripting = typeof browser.scripting;

/** The organisation's policy (managed storage is empty, or missing in Firefox without a policy file). */
export async function readScanPolicy(): Promise<ScanPolicy> {
  try {
    const [scanSites, allowUserSites] = await Promise.all([storage.getItem('managed:scanSites'), storage.getItem('managed:allowUserSites')]);
    return parseScanPolicy({ scanSites, allowUserSites });
  } catch (err) {
    // No managed storage in this browser or profile: no policy.
    console.debug('[Coder Lens] no managed policy:', err);
    return NO_POLICY;
  }
}

async function hasPermission(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch (err) {
    console.debug('[Coder Lens] permission check failed for', pattern, err);
    return false;
  }
}

let syncing: Promise<void> = Promise.resolve();

/**
 * Brings the content script registration in line with the choices, the policy and the granted
 * permissions. Safe to run at any time and more than once; runs never overlap.
 */
export function syncRegistration(): Promise<void> {
  syncing = syncing.catch(() => undefined).then(syncNow);
  return syncing;
}

async function syncNow(): Promise<void> {
  const scripting: Scripting | undefined = browser.scripting;
  if (!scripting?.registerContentScripts) return;
  const [user, policy] = await Promise.all([userSitesItem.getValue().then(parseUserSites), readScanPolicy()]);
  const candidates = [...Object.keys(user).map(sitePattern), ...policy.patterns];
  const granted = new Set<string>();
  for (const p of candidates) if (await hasPermission(p)) granted.add(p);
  const { matches, excludeMatches } = registrationPatterns(user, policy, (p) => granted.has(p));
  const existing = await scripting.getRegisteredContentScripts({ ids: [REGISTRATION_ID] });
  if (!matches.length) {
    if (existing.length) await scripting.unregisterContentScripts({ ids: [REGISTRATION_ID] });
    return;
  }
  const script = {
    id: REGISTRATION_ID,
    js: [DETECTOR_SCRIPT],
    // Added before the page is first styled: no restyling of a loaded page.
    css: [HIGHLIGHT_CSS_FILE],
    matches,
    ...(excludeMatches.length ? { excludeMatches } : {}),
    allFrames: true,
    runAt: 'document_idle' as const,
    // Kept across browser restarts (an update left unset would turn it off again).
    persistAcrossSessions: true,
  };
  if (!existing.length) await scripting.registerContentScripts([script]);
  // The worker starts often; the registration only changes when the choices do.
  else if (!sameRegistration(existing[0], script)) await scripting.updateContentScripts([script]);
}

function sameRegistration(a: { matches?: string[]; excludeMatches?: string[]; js?: string[]; css?: string[]; allFrames?: boolean }, b: typeof a): boolean {
  const same = (x: string[] = [], y: string[] = []) => x.length === y.length && x.every((v, i) => v.replace(/^\//, '') === y[i].replace(/^\//, ''));
  return same(a.matches, b.matches) && same(a.excludeMatches, b.excludeMatches) && same(a.js, b.js) && same(a.css, b.css) && a.allFrames === b.allFrames;
}

/** The scanning status of a tab's site (null for pages scanning never applies to). */
export async function getSiteAccess(url: string | undefined): Promise<{ site: string | null; status?: SiteStatus; policyRejected?: string[] }> {
  const site = url ? siteOf(url) : null;
  if (!site) return { site: null };
  const [user, policy] = await Promise.all([userSitesItem.getValue().then(parseUserSites), readScanPolicy()]);
  const status = siteStatus(site, user, policy, await hasPermission(sitePattern(site)));
  return { site, status, ...(policy.rejected.length ? { policyRejected: policy.rejected } : {}) };
}

/**
 * Turns scanning on or off for a site. On: refused unless the host permission is granted (the
 * panel asks for it first) and the policy lets users choose; the open tab, when given, is scanned
 * right away. Off: the registration drops the site and the open tab's scanner is stopped.
 */
export async function setSiteEnabled(site: string, enabled: boolean, tabId?: number): Promise<{ ok: boolean; error?: string; status?: SiteStatus }> {
  const policy = await readScanPolicy();
  const granted = await hasPermission(sitePattern(site));
  const user = parseUserSites(await userSitesItem.getValue());
  const status = siteStatus(site, withUserSite(user, site, enabled), policy, granted);
  if (enabled && !status.canToggle) return { ok: false, error: 'Your organization’s policy does not allow turning scanning on for this site.', status: siteStatus(site, user, policy, granted) };
  if (enabled && !granted) return { ok: false, error: 'Allow Coder Lens to read this site first.', status: siteStatus(site, user, policy, granted) };
  await userSitesItem.setValue(withUserSite(user, site, enabled));
  await syncRegistration();
  if (tabId !== undefined) {
    if (enabled) await injectDetector(tabId).catch((err) => console.warn('[Coder Lens] could not scan the open tab:', err));
    else await stopDetector(tabId);
  }
  return { ok: true, status };
}

/**
 * Injects the scanner and the highlight styles (an extension style sheet, not a node of the page)
 * into every frame of a tab the extension may access (activeTab or host permission).
 */
export async function injectDetector(tabId: number): Promise<void> {
  await browser.scripting.insertCSS({ target: { tabId, allFrames: true }, files: [HIGHLIGHT_CSS_FILE] });
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [DETECTOR_SCRIPT] });
}

/** "Scan this page": one injection, allowed by activeTab (granted by the action, menu or shortcut) or the site's permission. */
export async function scanTab(tabId: number): Promise<{ ok: boolean; error?: string; needsPermission?: boolean }> {
  try {
    await injectDetector(tabId);
    return { ok: true };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const needsPermission = /permission|cannot access|host/i.test(message);
    return { ok: false, needsPermission, error: needsPermission ? 'Coder Lens may not read this page yet.' : message };
  }
}

/** Stops a tab's scanners (every frame) after the site was turned off, and takes the highlight styles out again. */
async function stopDetector(tabId: number): Promise<void> {
  const msg: ContentEnvelope = { type: 'stopScanning', payload: {} };
  try {
    await browser.tabs.sendMessage(tabId, msg);
    await browser.scripting.removeCSS({ target: { tabId, allFrames: true }, files: [HIGHLIGHT_CSS_FILE] });
  } catch (err) {
    console.debug('[Coder Lens] no scanner to stop in tab', tabId, err);
  }
}

/** Keeps the registration current: at start, and when permissions, choices or the policy change. */
export function startSiteAccess(logFailure: (err: unknown) => void): void {
  const sync = () => void syncRegistration().catch(logFailure);
  browser.permissions?.onAdded?.addListener(sync);
  browser.permissions?.onRemoved?.addListener(sync);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') sync();
  });
  userSitesItem.watch(sync);
  sync();
}
