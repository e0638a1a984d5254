/**
 * Where page scanning may run: the sites a coder turned on, the sites their organisation's policy
 * lists (managed storage), and what the browser's host permissions allow. Pure rules over plain
 * data; the background applies them (lib/background/site-access.ts).
 *
 * A site is a scheme and a host name without the port ("https://ehr.example.org"): that is what a
 * host permission match pattern names, in Chrome and Firefox alike.
 */

/** The managed-storage policy an organisation sets (public/managed_schema.json). */
export interface ScanPolicy {
  /** Match patterns of the sites where scanning is on for everyone. */
  patterns: string[];
  /** Whether users may turn scanning on for sites the policy does not list. */
  allowUserSites: boolean;
  /** Policy entries that were not understood (shown in the settings, never guessed at). */
  rejected: string[];
}

export const NO_POLICY: ScanPolicy = { patterns: [], allowUserSites: true, rejected: [] };

/** The user's own choices: site → on (true) or off (false). Off also overrides the policy list. */
export type UserSites = Record<string, boolean>;

/** At most this many user choices are kept (a bound on what storage and registration carry). */
export const MAX_USER_SITES = 500;
const MAX_POLICY_ENTRIES = 200;

const HOST = /^(\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$|^\[[0-9a-f:.]+\]$/;

/** The site of a page URL, or null for pages scanning never applies to (extension pages, file:, about:). */
export function siteOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const host = u.hostname.toLowerCase();
  if (!host || !HOST.test(host) || host.startsWith('*.')) return null;
  return `${u.protocol}//${host}`;
}

/** The host permission match pattern of a site ("https://ehr.example.org/*"). */
export function sitePattern(site: string): string {
  return `${site}/*`;
}

/** Whether `site` is a site string as `siteOf` writes it. */
export function isSite(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 300 && siteOf(`${value}/`) === value;
}

/**
 * Reads the policy from managed storage. Entries may be written as a host ("ehr.example.org"),
 * a subdomain wildcard ("*.example.org"), an origin ("https://ehr.example.org") or a match pattern
 * ("https://*.example.org/*"). Patterns for every host ("*", "<all_urls>", "*://*​/*") are rejected:
 * an organisation that wants that must say which hosts.
 */
export function parseScanPolicy(raw: unknown): ScanPolicy {
  if (typeof raw !== 'object' || raw === null) return NO_POLICY;
  const { scanSites, allowUserSites } = raw as { scanSites?: unknown; allowUserSites?: unknown };
  const patterns: string[] = [];
  const rejected: string[] = [];
  if (Array.isArray(scanSites))
    for (const entry of scanSites.slice(0, MAX_POLICY_ENTRIES)) {
      const pattern = typeof entry === 'string' ? policyPattern(entry) : null;
      if (pattern) {
        if (!patterns.includes(pattern)) patterns.push(pattern);
      } else rejected.push(typeof entry === 'string' ? entry.slice(0, 100) : String(entry).slice(0, 100));
    }
  return { patterns, allowUserSites: allowUserSites !== false, rejected };
}

function policyPattern(entry: string): string | null {
  const s = entry.trim().toLowerCase();
  const m = /^(?:(https?|\*):\/\/)?([^/:]+)(?::\d+)?(\/.*)?$/.exec(s);
  if (!m) return null;
  const [, scheme, host, path] = m;
  if (path !== undefined && path !== '/' && path !== '/*') return null;
  if (!HOST.test(host)) return null;
  return `${scheme ?? '*'}://${host}/*`;
}

/** Whether a URL matches a match pattern of the forms `parseScanPolicy` and `sitePattern` write. */
export function matchesPattern(pattern: string, url: string): boolean {
  const site = siteOf(url);
  if (!site) return false;
  const m = /^(https?|\*):\/\/([^/]+)\/\*$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host] = m;
  const [protocol, hostname] = site.split('://');
  if (scheme !== '*' && scheme !== protocol) return false;
  if (host.startsWith('*.')) {
    const base = host.slice(2);
    return hostname === base || hostname.endsWith(`.${base}`);
  }
  return hostname === host;
}

export interface SiteStatus {
  site: string;
  /** Scanning is on for the site (it still needs the host permission to run). */
  enabled: boolean;
  /** Why: the organisation's policy, the user's choice, or neither. */
  source: 'policy' | 'user' | 'none';
  /** The user may switch it (off: always, unless policy forbids user sites and the site is not listed). */
  canToggle: boolean;
  /** The browser has granted the host permission for the site. */
  granted: boolean;
}

/** The scanning status of a site. */
export function siteStatus(site: string, user: UserSites, policy: ScanPolicy, granted: boolean): SiteStatus {
  const listed = policy.patterns.some((p) => matchesPattern(p, `${site}/`));
  const choice = Object.hasOwn(user, site) ? user[site] : undefined;
  // A site the policy does not list can only be on when the policy lets users choose.
  const userAllowed = listed || policy.allowUserSites;
  const enabled = choice === undefined ? listed : choice && userAllowed;
  const source = choice !== undefined && userAllowed ? 'user' : listed ? 'policy' : 'none';
  return { site, enabled, source, canToggle: userAllowed, granted };
}

/** The user's choices with one site switched (bounded: the oldest choices go first). */
export function withUserSite(user: UserSites, site: string, on: boolean): UserSites {
  const next: UserSites = {};
  for (const [k, v] of Object.entries(user)) if (k !== site && isSite(k) && typeof v === 'boolean') next[k] = v;
  next[site] = on;
  const keys = Object.keys(next);
  for (const k of keys.slice(0, Math.max(0, keys.length - MAX_USER_SITES))) delete next[k];
  return next;
}

/** Reads stored user choices (storage is untrusted input: only well-formed entries count). */
export function parseUserSites(raw: unknown): UserSites {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const out: UserSites = {};
  for (const [k, v] of Object.entries(raw)) if (isSite(k) && typeof v === 'boolean') out[k] = v;
  return out;
}

/**
 * What the content script is registered for: every site the user turned on (when allowed) and
 * every policy pattern, minus the sites the user turned off. `granted` filters the user's sites to
 * those with a host permission (a registration cannot run without one anyway).
 */
export function registrationPatterns(user: UserSites, policy: ScanPolicy, granted: (pattern: string) => boolean): { matches: string[]; excludeMatches: string[] } {
  const matches: string[] = [];
  const excludeMatches: string[] = [];
  for (const [site, on] of Object.entries(user)) {
    const pattern = sitePattern(site);
    if (!on) excludeMatches.push(pattern);
    else if ((policy.allowUserSites || policy.patterns.some((p) => matchesPattern(p, `${site}/`))) && granted(pattern)) matches.push(pattern);
  }
  for (const p of policy.patterns) if (granted(p) && !matches.includes(p)) matches.push(p);
  return { matches, excludeMatches };
}
