import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures/index.ts';

/** Waits until the service worker controls the page (it claims open pages when it activates). */
async function controlledByServiceWorker(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** Everything this device keeps for a user: localStorage keys and IndexedDB databases that name them. */
function keptFor(page: Page, userId: string): Promise<{ storage: string[]; databases: string[] }> {
  return page.evaluate(async (id) => {
    const storage = Object.keys(localStorage).filter((key) => key.includes(id));
    const databases = (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.includes(id));
    return { storage, databases };
  }, userId);
}

test.describe('offline reload', () => {
  test('a seller reloads the room offline, edits, reconnects: the Mobilizer gets the edit; logging out forgets the copy', async ({
    dealPair: { deal, seller, buyer },
  }, testInfo) => {
    const { page, context } = seller;
    await page.goto(`/deals/${deal.id}/map`);
    await expect(page.locator('[data-room][data-loaded="true"]')).toBeVisible();
    await controlledByServiceWorker(page);
    const userId = await page.evaluate(
      async () => ((await (await fetch('/api/me')).json()) as { user: { id: string } }).user.id,
    );

    // Online, a first stakeholder: the room's document now has content on this device.
    await page.getByRole('button', { name: 'Add the first stakeholder' }).click();
    await page.locator('[data-panel] [data-field$=":name"]').fill('Dana Ortiz');
    await buyer.page.goto(`/deals/${deal.id}/map`);
    await expect(buyer.page.locator('[data-name="Dana Ortiz"]')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Synced' })).toBeVisible();

    // Offline, a reload: the service worker serves the shell, the device its copy of the deal and the documents.
    await context.setOffline(true);
    const reload = await page.reload();
    expect(reload?.fromServiceWorker()).toBe(true);
    await expect(page.locator('[data-room][data-loaded="true"]')).toBeVisible();
    await expect(page.locator('[data-connection="offline"]')).toHaveText(/Offline — changes kept on this device/);
    await expect(page.getByRole('heading', { name: 'Laptop refresh' })).toBeVisible();
    const card = page.locator('[data-name="Dana Ortiz"]');
    await expect(card).toBeVisible();
    await screenshot(page, testInfo, '01-offline-reload');

    // An edit made offline…
    await card.click();
    await page.getByLabel('Title').fill('Chief Financial Officer');
    await expect(page.locator('[data-connection="offline"]')).toBeVisible();

    // …reaches the Mobilizer once the seller is back online.
    await context.setOffline(false);
    await expect(page.locator('[data-connection="synced"]')).toBeVisible();
    await buyer.page.locator('[data-name="Dana Ortiz"]').click();
    await expect(buyer.page.locator('[data-panel]').getByLabel('Title')).toHaveValue('Chief Financial Officer');

    // Logging out deletes what this device kept of the user's deals.
    expect((await keptFor(page, userId)).databases.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect.poll(() => keptFor(page, userId)).toEqual({ storage: [], databases: [] });
    expect(await page.evaluate(() => localStorage.getItem('quorum:offline:me'))).toBeNull();
    // The service worker's cache holds the app only: no API answer, no guide page.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    expect(cached).toContain('/deals');
    expect(cached.filter((path) => /^\/(api|sync|g)\b/.test(path))).toEqual([]);
  });
});
