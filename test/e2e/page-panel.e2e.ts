import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './support/axe';
import { launchExtension, type ExtensionSession } from './support/browser';
import { extensionWithGrantedHosts } from './support/granted-extension';
import { cardState, HL, waitForHighlight } from './support/page-detection';
import { startPageServer, type PageServer } from './support/page-server';
import { resultsFor, SHOTS, waitForIndex } from './support/panel';

type Chrome = { windows: { create(o: object): Promise<unknown> } };

/**
 * "Found on this page" in the panel's own UI: the panel runs in a window of its own (as a
 * popped-out panel does), the record page is the active tab of the other window. The site is
 * granted in the copy of the extension (Chrome's permission prompt is browser UI), and turned on
 * with the panel's own checkbox.
 */
describe('side panel: found on this page', () => {
  let session: ExtensionSession;
  let pages: PageServer;
  let extension: ReturnType<typeof extensionWithGrantedHosts>;
  let record: Page;
  let panel: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    pages = await startPageServer();
    extension = extensionWithGrantedHosts(['http://127.0.0.1/*']);
    session = await launchExtension({ extensionDir: extension.dir, proxyBypassLoopback: true });
    record = await session.context.newPage();
    await record.goto(`${pages.origin}/progress-note.html`);
    const opener = await session.context.newPage();
    await opener.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    await waitForIndex(opener);
    const [popped] = await Promise.all([
      session.context.waitForEvent('page'),
      opener.evaluate((url) => (globalThis as unknown as { chrome: Chrome }).chrome.windows.create({ url, type: 'popup', width: 420, height: 860 }), `chrome-extension://${session.extensionId}/sidepanel.html`),
    ]);
    await opener.close();
    panel = popped;
    await panel.waitForLoadState();
    await panel.setViewportSize({ width: 420, height: 860 });
  });
  afterAll(async () => {
    await session?.close();
    extension?.remove();
    await pages?.close();
  });

  it('turns the site on, lists the page’s mentions with their marks, searches a term and scrolls the page to one', async () => {
    await panel.getByRole('tab', { name: /^This page/ }).click();
    const siteSwitch = panel.getByRole('checkbox', { name: /Scan http:\/\/127\.0\.0\.1 automatically/ });
    // The switch shows the background's answer (the browser's permission, then the site's status).
    await siteSwitch.click();
    await expect.poll(() => siteSwitch.isChecked()).toBe(true);
    await waitForHighlight(record, HL.negated, 'chest pain');
    const list = panel.getByRole('list', { name: 'Mentions found on this page' });
    await list.waitFor({ timeout: 60_000 });
    await expect.poll(() => panel.locator('.cl-page-item[data-mark="negated"]').allTextContents(), { timeout: 30_000 }).toEqual(
      expect.arrayContaining([expect.stringMatching(/chest pain/i)]),
    );
    const marks = await panel.locator('.cl-page-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-mark')));
    // Current findings come first, negated ones last.
    expect(marks[0]).toBe('current');
    expect(marks.at(-1)).toBe('negated');
    await expect(panel.locator('.cl-page-item[data-mark="negated"]').first().textContent()).resolves.toContain('Negated');
    await panel.screenshot({ path: `${SHOTS}/page-panel-found.png` });
    const violations = await seriousA11yViolations(panel);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);

    // "Show" scrolls the record page to the mention (its card opens there).
    const hypertension = panel.locator('.cl-page-item', { hasText: /hypertension/i }).first();
    await hypertension.getByRole('button', { name: /^Show/ }).click();
    await record.waitForFunction(() => document.querySelectorAll('coder-lens-ui').length === 1, undefined, { timeout: 10_000 });

    // The card's "Open in panel" (a click on the page) brings the mention into the panel's search.
    const card = await cardState(record);
    expect(card.shown).toBe(true);
    await record.bringToFront();
    await record.mouse.click(card.openButton!.x, card.openButton!.y);
    const lookedUp = (await card.headings[0]) ?? '';
    await expect.poll(() => panel.getByRole('combobox', { name: 'Search codes' }).inputValue(), { timeout: 10_000 }).toBe(lookedUp);
    await resultsFor(panel, lookedUp);
    await expect(panel.locator('[role="option"]').first().getAttribute('data-code')).resolves.toBe('I10');
    await panel.screenshot({ path: `${SHOTS}/page-panel-lookup.png` });
    await panel.getByRole('tab', { name: /^This page/ }).click();

    // Clicking the term searches it in the panel.
    const term = await hypertension.locator('.cl-page-term').textContent();
    await hypertension.locator('.cl-page-term').click();
    const options = await resultsFor(panel, term!);
    await expect(options.first().getAttribute('data-code')).resolves.toBe('I10');
  });
});
