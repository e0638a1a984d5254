import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../lib/codeset/pack';
import { releaseId } from '../../lib/db/releases';
import { launchExtension, type ExtensionSession } from './support/browser';
import { fixtureExtension, removeFixtureExtension } from './support/fixture-extension';
import { openCode, openPanel, SHOTS, waitForIndex, type ExtensionGlobal } from './support/panel';

/** Scrolls the panel so that the note group with this heading is in the middle of the screenshot. */
async function scrollToNotes(page: Page, label: string): Promise<void> {
  await page
    .locator('.cl-note-group')
    .filter({ has: page.getByRole('heading', { name: label, exact: true }) })
    .evaluate((el) => el.scrollIntoView({ block: 'center' }));
}

/** The note groups on screen: heading → the text of each note. */
async function noteGroups(page: Page): Promise<Record<string, string[]>> {
  return page.locator('.cl-note-group').evaluateAll((groups) =>
    Object.fromEntries(groups.map((g) => [g.querySelector('h4')?.textContent ?? '', [...g.querySelectorAll('li')].map((li) => li.textContent ?? '')])),
  );
}

describe('side panel detail with a code set that has notes (fixture FY2017 + FY2025 packs)', () => {
  let session: ExtensionSession;
  let fy2017: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const extensionDir = await fixtureExtension();
    const manifest = JSON.parse(readFileSync(join(extensionDir, 'packs/manifest.json'), 'utf8')) as Manifest;
    const entry = (release: string) => manifest.packs.find((p) => p.system === 'icd10cm' && p.release === release)!;
    fy2017 = releaseId('icd10cm', '2017', entry('2017').sha256);
    const fy2025 = releaseId('icd10cm', '2025', entry('2025').sha256);

    session = await launchExtension({ extensionDir });
    const page = await openPanel(session);
    // The import activates the newest release ('if-newer'): FY2025, which has no Tabular List.
    await waitForIndex(page, fy2025);
    // Code with FY2017 as the panel's release chooser does (the background is the only writer).
    const result = await page.evaluate(
      (id) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'setActiveRelease', payload: { releaseId: id } }),
      fy2017,
    );
    expect(result).toEqual({ ok: true });
    await waitForIndex(page, fy2017);
    await page.close();
  });
  afterAll(async () => {
    await session?.close();
    removeFixtureExtension();
  });

  it('E11.22 shows its own and inherited notes grouped by kind, with the codes they name as buttons', async () => {
    const page = await openPanel(session);
    await openCode(page, 'E11.22', 'E1122', 'E11.22');
    await expect(page.locator('#cl-detail-heading').textContent()).resolves.toContain('Type 2 diabetes mellitus with diabetic chronic kidney disease');
    await expect(page.locator('.cl-detail-meta').textContent()).resolves.toContain('2017');
    await expect(page.getByTestId('notes-unavailable').count()).resolves.toBe(0);

    const groups = await noteGroups(page);
    expect(Object.keys(groups)).toEqual(expect.arrayContaining(['Includes', 'Excludes1', 'Use additional code', 'Notes']));
    // Reading order: the code's own note first, then those of E11 (category) and chapter 4.
    expect(groups['Use additional code'][0]).toContain('code to identify stage of chronic kidney disease (N18.1-N18.6)');
    expect(groups['Use additional code'].some((t) => t.includes('insulin (Z79.4)') && t.includes('(from E11)'))).toBe(true);
    expect(groups['Excludes1'].some((t) => t.includes('type 1 diabetes mellitus (E10.-)') && t.includes('(from E11)'))).toBe(true);
    expect(groups['Excludes1'].some((t) => t.includes('transitory endocrine and metabolic disorders specific to newborn') && t.includes('(from chapter 4)'))).toBe(true);

    // Codes of the code set are buttons; E13.- is printed in a note but not in this excerpt.
    const buttons = await page.locator('.cl-note-code').allTextContents();
    expect(buttons).toEqual(expect.arrayContaining(['N18.1-N18.6', 'Z79.4', 'Z79.84', 'E10.-', 'E08.-']));
    expect(buttons).not.toContain('E13.-');
    await scrollToNotes(page, 'Excludes1');
    await page.screenshot({ path: `${SHOTS}/fixture-detail-e1122.png` });

    // A note's code opens that code: E08 (a header) has its own Code first note.
    await page.locator('.cl-note-group', { hasText: 'Excludes1' }).getByRole('button', { name: 'E08.-', exact: true }).click();
    await page.waitForFunction(() => document.getElementById('cl-detail-heading')?.textContent?.startsWith('E08 '));
    const e08 = await noteGroups(page);
    expect(e08['Code first']?.[0]).toContain('the underlying condition, such as:');
    expect(e08['Code first']).toEqual(expect.arrayContaining([expect.stringContaining('malignant neoplasm (C00-C96)')]));

    // Z79.4's title in the fixture carries markup: it must be shown as text, never run.
    await page.locator('.cl-note-group', { hasText: 'Use additional code' }).getByRole('button', { name: 'Z79.4', exact: true }).click();
    await page.waitForFunction(() => document.getElementById('cl-detail-heading')?.textContent?.startsWith('Z79.4 '));
    await expect(page.locator('#cl-detail-heading').textContent()).resolves.toContain('<img src=x onerror="document.title=\'injected\'"><b>bold</b>');
    await expect(page.locator('.cl-detail img, .cl-detail b').count()).resolves.toBe(0);
    await expect(page.title()).resolves.not.toBe('injected');
    await page.screenshot({ path: `${SHOTS}/fixture-detail-z794-markup.png` });
    await page.close();
  });

  it('S13.4XXA inherits Excludes2 from its category and section', async () => {
    const page = await openPanel(session);
    await openCode(page, 'S13.4XXA', 'S134XXA', 'S13.4XXA');
    await expect(page.locator('#cl-detail-heading').textContent()).resolves.toContain('Sprain of ligaments of cervical spine, initial encounter');
    const crumbs = await page.getByRole('navigation', { name: 'Breadcrumb' }).locator('li').allTextContents();
    expect(crumbs).toEqual(['Chapter 19', 'S10-S19', 'S13', 'S13.4', 'S13.4XXA']);

    const groups = await noteGroups(page);
    expect(Object.keys(groups)).toEqual(expect.arrayContaining(['Inclusion terms', 'Excludes1', 'Excludes2', 'Use additional code', 'Code also']));
    expect(groups['Inclusion terms'].some((t) => t.includes('Whiplash injury of cervical spine'))).toBe(true);
    expect(groups['Excludes2'].some((t) => t.includes('strain of muscle or tendon at neck level (S16.1)') && t.includes('(from S13)'))).toBe(true);
    expect(groups['Excludes2'].some((t) => t.includes('burns and corrosions (T20-T32)') && t.includes('(from S10-S19)'))).toBe(true);
    expect(groups['Excludes1'].some((t) => t.includes('birth trauma (P10-P15)') && t.includes('(from chapter 19)'))).toBe(true);
    await scrollToNotes(page, 'Excludes2');
    await page.screenshot({ path: `${SHOTS}/fixture-detail-s134xxa.png` });
    await page.close();
  });
});
