import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/index.ts';

/** Screenshots of this flow, kept in test-results/screenshots/ for review. */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/guides-${name}.png`, fullPage: true });
}

/**
 * Issue 6's "done when": a Mobilizer hands a colleague a guide in two clicks, the colleague sees only what
 * the guide says (live, as the Mobilizer edits it), and the link dies the moment the Mobilizer says so.
 */
test.describe('stakeholder guides', () => {
  test('a Mobilizer shares a guide by link; a colleague with no account reads it live until it is revoked', async ({
    browser,
    baseURL,
    dealPair: { deal, buyer },
  }) => {
    test.setTimeout(120_000);
    const room = buyer.page;

    // The Mobilizer maps a colleague: a Skeptic and the decider, with a candid note in her priorities.
    await room.goto(`/deals/${deal.id}/map`);
    await room
      .getByRole('button', { name: /Add (the first )?stakeholder/ })
      .first()
      .click();
    await room.locator('[data-field$=":name"]').first().fill('Priya Shah');
    await room.locator('[data-field$=":title"]').first().fill('VP Finance');
    await room.getByRole('combobox', { name: 'Profile' }).selectOption('skeptic');
    await room.getByRole('combobox', { name: 'Buying role' }).selectOption('decider');
    await room.getByRole('textbox', { name: /Priorities/ }).fill('MARKER-PRIVATE-PRIORITIES: hates vendor lock-in');

    // Guides: start from a scaffold tailored to a Skeptic decider, then write in it.
    await room.goto(`/deals/${deal.id}/guides`);
    await expect(room.getByRole('heading', { name: 'Guide for Priya Shah' })).toBeVisible();
    await room.getByRole('button', { name: 'Start from a scaffold' }).first().click();
    const summary = room.getByLabel('Summary');
    await expect(summary).toHaveValue(/Priya, we know a change like this is a risk/);
    await expect(room.getByLabel('Key messages')).toHaveValue(/The first small win/);
    await expect(room.getByLabel('Asks')).toHaveValue(/^Decide by/);
    await summary.fill('We want to replace 400 laptops over two quarters, starting with a 20-person pilot.');
    await shot(room, '01-editor');

    // Two clicks: create the link (it is copied), and it is there to paste.
    await buyer.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await room.getByRole('button', { name: 'Create link' }).click();
    const urlField = room.getByTestId('guide-link-url');
    await expect(urlField).toHaveValue(/\/g\/[A-Za-z0-9_-]{22}$/);
    const url = await urlField.inputValue();
    await expect(room.getByText('Copied.')).toBeVisible();
    expect(await room.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await shot(room, '02-link-created');

    // A colleague opens it in a fresh browser with no cookies: the guide, and nothing from the map.
    const colleague = await browser.newContext({ baseURL });
    const reader = await colleague.newPage();
    const first = await reader.goto(url);
    expect(first?.status()).toBe(200);
    await expect(reader.getByRole('heading', { name: 'A briefing for Priya Shah' })).toBeVisible();
    await expect(reader.getByText('VP Finance')).toBeVisible();
    await expect(reader.getByText('starting with a 20-person pilot')).toBeVisible();
    const page = (await reader.content()).toLowerCase();
    for (const hidden of ['marker-private', 'skeptic', 'decider', 'stance', 'influence', 'quorum']) {
      expect(page).not.toContain(hidden);
    }
    await shot(reader, '03-colleague-reads');
    await reader.emulateMedia({ media: 'print' });
    await shot(reader, '04-print');
    await reader.emulateMedia({ media: 'screen' });

    // The Mobilizer edits the guide; the open page shows the change without a reload.
    await summary.fill('We want to replace 400 laptops over two quarters. Pilot results are in: 11 % fewer tickets.');
    await expect(reader.getByText('Pilot results are in: 11 % fewer tickets.')).toBeVisible({ timeout: 20_000 });
    await shot(reader, '05-live-update');

    // The room lists the link with its view.
    const row = room.locator('[data-link-id]').filter({ hasText: 'Guide for Priya Shah' });
    await expect(row.getByTestId('view-count')).toHaveText('1 view', { timeout: 20_000 });
    await expect(row).toContainText('No expiry');
    await shot(room, '06-links-panel');

    // The Mobilizer revokes: the open page says so at once, and the link is dead for good.
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: 'Withdraw' }).click();
    await expect(row).toContainText('Withdrawn');
    await expect(reader.getByRole('heading', { name: 'This document is no longer shared' })).toBeVisible({
      timeout: 20_000,
    });
    await expect(reader.getByText('Pilot results are in')).toHaveCount(0);
    await shot(reader, '07-revoked-live');
    const again = await reader.goto(url);
    expect(again?.status()).toBe(410);
    await expect(reader.getByRole('heading', { name: 'This document is no longer shared' })).toBeVisible();
    await colleague.close();
  });

  test('the objection guide link serves a PDF that holds the answers', async ({ dealPair: { deal, buyer } }) => {
    const room = buyer.page;
    await room.goto(`/deals/${deal.id}/guides?s=objections`);
    await expect(room.getByRole('heading', { name: 'Objection handling guide' })).toBeVisible();
    await room.getByLabel('Link works').selectOption('7');
    await room.getByRole('button', { name: 'Create link' }).click();
    const url = await room.getByTestId('guide-link-url').inputValue();
    const pdf = await buyer.context.request.get(`${url}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const row = room.locator('[data-link-id]').filter({ hasText: 'Objection handling guide' });
    await expect(row).toContainText('Expires in 7 days');
  });
});
