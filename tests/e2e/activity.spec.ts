import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures/index.ts';

/**
 * Issue 13, activity: the seller ticks a verifier and edits a seller-only note; the Mobilizer, back in the room, sees
 * "1 change since your last visit", the entry in the activity panel, and the tick in the plan's commitments log; the
 * seller-only note never reaches her. At phone width the panel is a full-width sheet, and it works from the keyboard.
 */

async function openRoom(page: Page, dealId: string, section: string): Promise<void> {
  await page.goto(`/deals/${dealId}/${section}`);
  await expect(page.locator('[data-room][data-loaded="true"]')).toBeVisible();
}

test('one side edits, the other sees it in the activity feed and "since your last visit"', async ({
  dealPair: { deal, seller, buyer },
}, testInfo) => {
  test.setTimeout(120_000);
  // Her first visit: nothing changed yet.
  await openRoom(buyer.page, deal.id, 'plan');
  await buyer.page.locator('[data-activity-button]').click();
  await expect(buyer.page.locator('[data-activity-panel]')).toContainText('Nothing changed yet.');
  await buyer.page.goto('/deals');

  // The seller ticks the first verifier and writes a seller-only note.
  await openRoom(seller.page, deal.id, 'plan');
  const verifier = seller.page.locator('[data-verifier]').first();
  const verifierId = (await verifier.getAttribute('data-verifier'))!;
  const verifierText = await seller.page.locator(`[data-field="${verifierId}:text"]`).inputValue();
  // Long names are shortened in the feed's words.
  const start = verifierText.slice(0, 40);
  await verifier.locator('input[type="checkbox"]').check();
  await openRoom(seller.page, deal.id, 'notes');
  await seller.page.locator('[data-field="private:notes"]').fill('SECRET our floor is 380k');
  // The seller's own feed shows both once they are stored and worded.
  await expect
    .poll(async () => {
      const res = await seller.page.request.get(`/api/deals/${deal.id}/activity`);
      return ((await res.json()) as { items: Array<{ words: string }> }).items.map((i) => i.words).sort();
    })
    .toEqual([
      'Sam Seller edited the seller notes',
      expect.stringContaining(`Sam Seller ticked the verifier “${start}`),
    ]);

  // She comes back: one change since her last visit (the seller's note is not hers to see).
  await buyer.page.setViewportSize({ width: 390, height: 800 });
  await openRoom(buyer.page, deal.id, 'plan');
  const summary = buyer.page.locator('[data-since-last-visit]');
  await expect(summary).toContainText('1 change since your last visit');
  await summary.getByRole('button', { name: 'See what changed' }).click();
  const panel = buyer.page.locator('[data-activity-panel]');
  await expect(panel.locator('[data-activity-item]')).toHaveCount(1);
  await expect(panel.locator('[data-activity-item="ticked"]')).toContainText(
    `Sam Seller ticked the verifier “${start}`,
  );
  await expect(panel).not.toContainText('seller notes');
  await expect(buyer.page.locator('body')).not.toContainText('SECRET');
  // A full-width sheet at phone width, nothing wider than the screen.
  const box = await panel.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  expect(await buyer.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(buyer.page, testInfo, 'mobilizer-activity-390');

  // Keyboard: Escape closes it and gives focus back to the Activity button, which opens it again.
  await buyer.page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  const button = buyer.page.locator('[data-activity-button]');
  await expect(button).toBeFocused();
  await buyer.page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await buyer.page.keyboard.press('Escape');

  // The plan's commitments log names who ticked it, as the server saw it.
  const log = buyer.page.locator('[data-commitments-log]');
  await expect(log.locator('[data-commitment="ticked"]')).toContainText(`Sam Seller ticked “${verifierText}”`);
});
