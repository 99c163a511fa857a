import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures/index.ts';

/**
 * Issue 13, comments and mentions: the seller mentions the Mobilizer in a thread on an objection, the Mobilizer sees it
 * live (the bell and the thread) and replies, the seller sees the reply; a seller-only thread never reaches the
 * Mobilizer's page: not its text, not its API responses, not its event streams.
 */

/** Everything the page received from the API: response bodies and every server-sent event's data. */
async function recordTraffic(page: Page): Promise<() => string> {
  const received: string[] = [];
  page.on('response', async (response) => {
    if (!response.url().includes('/api/')) return;
    if ((response.headers()['content-type'] ?? '').includes('event-stream')) return; // read below, as it arrives
    received.push(await response.text().catch((error: Error) => `unreadable: ${error.message}`));
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.eventSourceMessageReceived', (message) => received.push(`${message.eventName}: ${message.data}`));
  return () => received.join('\n');
}

async function openRoom(page: Page, dealId: string, section: string): Promise<void> {
  await page.goto(`/deals/${dealId}/${section}`);
  await expect(page.locator('[data-room][data-loaded="true"]')).toBeVisible();
}

test('a thread with a mention between seller and Mobilizer, live both ways; a seller-only thread never reaches the Mobilizer', async ({
  seller,
  newActor,
}, testInfo) => {
  test.setTimeout(120_000);
  const deal = await seller.api.createSampleDeal();
  const buyer = await newActor({ name: 'Mia Mobilizer' });
  const invite = await seller.api.createInvite(deal.id, { email: buyer.account.email, role: 'mobilizer' });
  await buyer.api.acceptInvite(invite.token);

  const traffic = await recordTraffic(buyer.page);
  await openRoom(buyer.page, deal.id, 'objections');
  await openRoom(seller.page, deal.id, 'objections');
  const bell = buyer.page.locator('button[data-unread]');
  await expect(bell).toHaveAttribute('data-unread', '0');

  // The seller opens the first objection's comments and mentions the Mobilizer, picking her with the keyboard.
  const sellerCount = seller.page.locator('[data-comment-count^="objection:"]').first();
  const record = (await sellerCount.getAttribute('data-comment-count'))!;
  await sellerCount.click();
  const sellerPanel = seller.page.locator(`[data-comments-panel="${record}"]`);
  await expect(sellerPanel).toBeVisible();
  await expect(sellerPanel.locator('[data-audience="shared"]')).toContainText('Everyone on the deal sees this');
  const composer = sellerPanel.locator('textarea[data-composer="shared"]');
  await composer.click();
  await composer.pressSequentially('@Mi');
  await expect(sellerPanel.getByRole('option', { name: 'Mia Mobilizer' })).toBeVisible();
  await composer.press('Enter');
  await composer.pressSequentially('can you check this with your CFO?');
  await expect(composer).toHaveValue('@Mia Mobilizer can you check this with your CFO?');
  await composer.press('Control+Enter');
  await expect(sellerPanel.locator('[data-thread]')).toHaveCount(1);
  await expect(sellerPanel.locator('.mention')).toHaveText('@Mia Mobilizer');

  // The Mobilizer sees it live: the bell's count and the count on the objection.
  await expect(bell).toHaveAttribute('data-unread', '1');
  await expect(buyer.page.locator(`[data-comment-count="${record}"]`)).toHaveAttribute('data-count', '1');
  await bell.click();
  const notification = buyer.page.locator('[data-notification]').first();
  await expect(notification).toContainText('Sam Seller mentioned you on objection');
  await expect(bell).toHaveAttribute('data-unread', '0');
  await notification.click();
  const buyerPanel = buyer.page.locator(`[data-comments-panel="${record}"]`);
  await expect(buyerPanel.locator('[data-thread]')).toContainText('can you check this with your CFO?');

  // She replies; the seller sees the reply without reloading.
  const reply = buyerPanel.locator('[data-thread] textarea[data-composer="shared"]');
  await reply.fill('Yes, I will ask Anna on Thursday.');
  await reply.press('Control+Enter');
  await expect(sellerPanel.locator('[data-thread]')).toContainText('Yes, I will ask Anna on Thursday.');
  await screenshot(seller.page, testInfo, 'seller-sees-reply');

  // A seller-only thread on the same objection, said clearly to be private, then a shared one after it.
  await sellerPanel.getByRole('radiogroup').getByText('Private').click();
  await expect(sellerPanel.locator('[data-audience="seller"]')).toContainText('Only your team sees this');
  const privateComposer = sellerPanel.locator('footer textarea[data-composer="seller"]');
  await privateComposer.fill('SECRET walk-away price is 410k');
  await privateComposer.press('Control+Enter');
  await expect(sellerPanel.locator('[data-thread][data-side="seller"]')).toContainText('SECRET walk-away');
  await sellerPanel.getByRole('radiogroup').getByText('Shared').click();
  const sharedComposer = sellerPanel.locator('footer textarea[data-composer="shared"]');
  await sharedComposer.fill('MARKER after the private one');
  await sharedComposer.press('Control+Enter');

  // Once the Mobilizer has the later shared thread, she would have had the private one too.
  await expect(buyerPanel.locator('[data-thread]')).toHaveCount(2);
  await expect(buyerPanel).toContainText('MARKER after the private one');
  await buyer.page.reload();
  await expect(buyer.page.locator('[data-room][data-loaded="true"]')).toBeVisible();
  await buyer.page.locator(`[data-comment-count="${record}"]`).click();
  await expect(buyer.page.locator(`[data-comments-panel="${record}"] [data-thread]`)).toHaveCount(2);
  await expect(buyer.page.locator('body')).not.toContainText('SECRET');
  // The recording saw the live events themselves (the shared thread arrived as a `thread` event), not only responses.
  expect(traffic()).toMatch(/^thread: .*MARKER after the private one/m);
  expect(traffic()).not.toContain('SECRET');
  expect(traffic()).not.toContain('410k');
  await screenshot(buyer.page, testInfo, 'mobilizer-panel');

  // At phone width the panel is a full-width sheet.
  await seller.page.setViewportSize({ width: 390, height: 800 });
  const box = await sellerPanel.boundingBox();
  expect(box?.width).toBe(390);
  await screenshot(seller.page, testInfo, 'panel-390');
});
