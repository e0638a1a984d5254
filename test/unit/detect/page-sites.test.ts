import { describe, expect, it } from 'vitest';
import {
  isSite,
  matchesPattern,
  NO_POLICY,
  parseScanPolicy,
  parseUserSites,
  registrationPatterns,
  siteOf,
  sitePattern,
  siteStatus,
  withUserSite,
  MAX_USER_SITES,
} from '../../../lib/detect/page-sites';

describe('siteOf', () => {
  it('is scheme and host, without port, path, query or user info', () => {
    expect(siteOf('https://EHR.Example.org:8443/chart/123?mrn=55#note')).toBe('https://ehr.example.org');
    expect(siteOf('http://127.0.0.1:5173/record.html')).toBe('http://127.0.0.1');
    expect(siteOf('https://user:pw@portal.example.com/')).toBe('https://portal.example.com');
  });

  it('is null for pages never scanned', () => {
    for (const url of ['chrome://extensions', 'chrome-extension://abc/sidepanel.html', 'file:///tmp/a.html', 'about:blank', 'not a url', 'data:text/html,x'])
      expect(siteOf(url)).toBeNull();
  });

  it('round-trips through isSite and sitePattern', () => {
    const site = siteOf('https://ehr.example.org/x')!;
    expect(isSite(site)).toBe(true);
    expect(sitePattern(site)).toBe('https://ehr.example.org/*');
    expect(isSite('https://ehr.example.org/')).toBe(false);
    expect(isSite('https://*.example.org')).toBe(false);
    expect(isSite('javascript:alert(1)')).toBe(false);
  });
});

describe('parseScanPolicy', () => {
  it('is no policy for an empty or malformed managed storage', () => {
    expect(parseScanPolicy(undefined)).toEqual(NO_POLICY);
    expect(parseScanPolicy({ scanSites: 'ehr.example.org' })).toEqual(NO_POLICY);
  });

  it('reads hosts, wildcards, origins and patterns as match patterns', () => {
    const policy = parseScanPolicy({
      scanSites: ['ehr.example.org', '*.portal.example.com', 'https://claims.example.net', 'http://intranet.local/*', 'EHR.example.org'],
      allowUserSites: false,
    });
    expect(policy.patterns).toEqual(['*://ehr.example.org/*', '*://*.portal.example.com/*', 'https://claims.example.net/*', 'http://intranet.local/*']);
    expect(policy.allowUserSites).toBe(false);
    expect(policy.rejected).toEqual([]);
  });

  it('rejects patterns for every site, paths and junk, and says which', () => {
    const policy = parseScanPolicy({ scanSites: ['*', '<all_urls>', '*://*/*', 'https://ehr.example.org/charts/*', 'ftp://x.org', 42, 'a b'] });
    expect(policy.patterns).toEqual([]);
    expect(policy.rejected).toHaveLength(7);
    expect(policy.allowUserSites).toBe(true);
  });
});

describe('matchesPattern', () => {
  it('matches scheme and host, subdomains for wildcards, any port', () => {
    expect(matchesPattern('*://ehr.example.org/*', 'https://ehr.example.org:8443/a')).toBe(true);
    expect(matchesPattern('https://ehr.example.org/*', 'http://ehr.example.org/a')).toBe(false);
    expect(matchesPattern('*://*.example.org/*', 'https://a.b.example.org/')).toBe(true);
    expect(matchesPattern('*://*.example.org/*', 'https://example.org/')).toBe(true);
    expect(matchesPattern('*://*.example.org/*', 'https://badexample.org/')).toBe(false);
    expect(matchesPattern('*://ehr.example.org/*', 'https://ehr.example.org.evil.com/')).toBe(false);
  });
});

describe('siteStatus', () => {
  const site = 'https://ehr.example.org';
  const policy = parseScanPolicy({ scanSites: ['ehr.example.org'] });

  it('is off by default', () => {
    expect(siteStatus(site, {}, NO_POLICY, false)).toEqual({ site, enabled: false, source: 'none', canToggle: true, granted: false });
  });

  it('is on where the user turned it on, or the policy lists it', () => {
    expect(siteStatus(site, { [site]: true }, NO_POLICY, true)).toMatchObject({ enabled: true, source: 'user', granted: true });
    expect(siteStatus(site, {}, policy, false)).toMatchObject({ enabled: true, source: 'policy', granted: false });
  });

  it('lets the user turn a policy site off', () => {
    expect(siteStatus(site, { [site]: false }, policy, true)).toMatchObject({ enabled: false, source: 'user', canToggle: true });
  });

  it('keeps unlisted sites off when the policy forbids user sites, whatever was chosen before', () => {
    const strict = parseScanPolicy({ scanSites: ['other.example.org'], allowUserSites: false });
    expect(siteStatus(site, { [site]: true }, strict, true)).toMatchObject({ enabled: false, source: 'none', canToggle: false });
  });
});

describe('user sites', () => {
  it('parses only well-formed entries', () => {
    expect(parseUserSites({ 'https://a.org': true, 'https://b.org': 'yes', '<all_urls>': true, 'https://c.org/x': false })).toEqual({ 'https://a.org': true });
    expect(parseUserSites(['https://a.org'])).toEqual({});
  });

  it('bounds the stored choices, dropping the oldest', () => {
    let user = {};
    for (let i = 0; i < MAX_USER_SITES + 5; i++) user = withUserSite(user, `https://s${i}.example.org`, true);
    const keys = Object.keys(user);
    expect(keys).toHaveLength(MAX_USER_SITES);
    expect(keys[0]).toBe('https://s5.example.org');
    expect(keys.at(-1)).toBe(`https://s${MAX_USER_SITES + 4}.example.org`);
  });
});

describe('registrationPatterns', () => {
  it('registers granted user sites and policy patterns, excluding sites turned off', () => {
    const policy = parseScanPolicy({ scanSites: ['*.example.org'] });
    const user = { 'https://ehr.example.org': false, 'https://notes.example.com': true, 'https://nogrant.example.com': true };
    const granted = (p: string) => p !== 'https://nogrant.example.com/*';
    expect(registrationPatterns(user, policy, granted)).toEqual({
      matches: ['https://notes.example.com/*', '*://*.example.org/*'],
      excludeMatches: ['https://ehr.example.org/*'],
    });
  });

  it('registers nothing without choices or policy', () => {
    expect(registrationPatterns({}, NO_POLICY, () => true)).toEqual({ matches: [], excludeMatches: [] });
  });

  it('ignores user sites when the policy forbids them', () => {
    const strict = parseScanPolicy({ scanSites: ['ehr.example.org'], allowUserSites: false });
    expect(registrationPatterns({ 'https://other.example.com': true }, strict, () => true).matches).toEqual(['*://ehr.example.org/*']);
  });
});
