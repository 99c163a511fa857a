import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures/index.ts';

/**
 * Issue 16's worst walk-through defects: a menu under the room's sticky tab bar (a click on "My deals" hit
 * Undo and reverted the last edit), a health popover that would not close, and two words for one health.
 */

/** Opens a section of the room and waits until the room's documents are loaded and synced. */
async function openRoom(page: Page, dealId: string, section: string): Promise<void> {
  await page.goto(`/deals/${dealId}/${section}`);
  await expect(page.locator('[data-room][data-loaded="true"]')).toBeVisible();
  await expect(page.locator('[data-connection]').first()).toHaveAttribute('data-connection', 'synced');
}

/** The items of `menu` that something else covers at their centre (what a click there would hit instead). */
async function coveredItems(menu: Locator): Promise<string[]> {
  return menu.evaluate((root) =>
    [...root.querySelectorAll('a, button')].flatMap((item) => {
      const box = item.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit && item.contains(hit)
        ? []
        : [`${item.textContent?.trim()} → ${hit?.textContent?.trim().slice(0, 40)}`];
    }),
  );
}

test.describe('menus and popovers', () => {
  test('the user menu covers the sticky tab bar, and My deals goes to the deals without undoing the last edit', async ({
    seller,
  }, testInfo) => {
    const { page } = seller;
    // Short enough that the criteria page scrolls.
    await page.setViewportSize({ width: 1280, height: 600 });
    const deal = await seller.api.createSampleDeal();
    await openRoom(page, deal.id, 'criteria');
    const name = page.locator('[data-criterion] [data-field$=":name"]').first();
    const edited = `${await name.inputValue()} (edited)`;
    await name.fill(edited);
    await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();

    const trigger = page.getByRole('button', { name: /account menu/ });
    const menu = page.locator('.topbar [id$="-menu"]');
    for (const scrolled of [false, true]) {
      if (scrolled) {
        // With the page scrolled, the tab bar is stuck right under the top bar, where the menu opens.
        await page.keyboard.press('Escape');
        await page.mouse.wheel(0, 400);
        await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      }
      if ((await trigger.getAttribute('aria-expanded')) !== 'true') await trigger.click();
      await expect(menu).toBeVisible();
      expect(await coveredItems(menu)).toEqual([]);
    }
    await screenshot(page, testInfo, 'user-menu-over-tabs');

    await menu.getByRole('link', { name: 'My deals' }).click();
    await expect(page).toHaveURL(/\/deals$/);
    await openRoom(page, deal.id, 'criteria');
    await expect(page.locator('[data-criterion] [data-field$=":name"]').first()).toHaveValue(edited);
  });

  test('the health popover closes on Escape, an outside click and navigation, and speaks the dashboard’s words', async ({
    seller,
  }) => {
    const { page } = seller;
    const deal = await seller.api.createSampleDeal();
    await openRoom(page, deal.id, 'map');
    const badge = page.locator('button[data-band]');
    const risks = page.getByRole('region', { name: 'Top risks' });

    await badge.click();
    await expect(risks).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(risks).toHaveCount(0);
    await expect(badge).toBeFocused();

    await badge.click();
    await expect(risks).toBeVisible();
    await page.locator('[data-deal-title]').click();
    await expect(risks).toHaveCount(0);

    // Navigation without a click: back to the map from the criteria, inside the same room.
    await page.getByRole('navigation', { name: 'Deal room sections' }).getByRole('link', { name: 'Criteria' }).click();
    await expect(page).toHaveURL(/\/criteria$/);
    await badge.click();
    await expect(risks).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/\/map$/);
    await expect(risks).toHaveCount(0);

    const band = await badge.getAttribute('data-band');
    const word = (await badge.locator('.word').textContent())?.trim();
    await page.goto('/dashboard');
    const row = page.getByTestId('deal-row').filter({ hasText: deal.title });
    await expect(row.getByTestId('health').locator('[data-band]')).toHaveAttribute('data-band', band!);
    await expect(row.getByTestId('health')).toContainText(word!);
  });
});
