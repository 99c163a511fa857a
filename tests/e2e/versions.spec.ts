import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures/index.ts';

/**
 * Issue 13, versions: the seller saves a version, deletes a stakeholder, views the version read-only and restores the
 * stakeholder from it; the Mobilizer sees it come back live, and the seller's undo removes it again (live too). The
 * Versions panel is keyboard usable and fits a 390 px phone.
 */

async function openRoom(page: Page, dealId: string, section: string): Promise<void> {
  await page.goto(`/deals/${dealId}/${section}`);
  await expect(page.locator('[data-room][data-loaded="true"]')).toBeVisible();
}

test('restore a deleted stakeholder from a version: live for the Mobilizer, and undoable', async ({
  seller,
  newActor,
}, testInfo) => {
  test.setTimeout(120_000);
  const deal = await seller.api.createSampleDeal();
  const buyer = await newActor({ name: 'Mia Mobilizer' });
  const invite = await seller.api.createInvite(deal.id, { email: buyer.account.email, role: 'mobilizer' });
  await buyer.api.acceptInvite(invite.token);
  await openRoom(seller.page, deal.id, 'map');
  await openRoom(buyer.page, deal.id, 'map');

  // Save a version with the keyboard: open the panel, type a name, press Enter.
  const open = seller.page.locator('button[data-open-versions]');
  await open.focus();
  await seller.page.keyboard.press('Enter');
  const panel = seller.page.locator('[data-versions]');
  await expect(panel).toBeVisible();
  await panel.getByLabel('Version name').fill('Before the cleanup');
  await panel.getByLabel('Version name').press('Enter');
  const saved = panel.getByRole('button', { name: /Before the cleanup/ });
  await expect(saved).toBeVisible();
  await seller.page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // Delete a stakeholder; the Mobilizer sees it go.
  const card = seller.page.locator('[data-stakeholder]').first();
  const id = (await card.getAttribute('data-stakeholder'))!;
  await card.click();
  const remove = seller.page.getByRole('button', { name: /^Remove .* from the map$/ });
  const name = ((await remove.textContent()) ?? '')
    .trim()
    .replace(/^Remove /, '')
    .replace(/ from the map$/, '');
  await remove.click();
  await expect(seller.page.locator(`[data-stakeholder="${id}"]`)).toHaveCount(0);
  await expect(buyer.page.locator(`[data-stakeholder="${id}"]`)).toHaveCount(0);

  // View the version read-only, on a phone-sized screen, and restore the stakeholder from it.
  await seller.page.setViewportSize({ width: 390, height: 844 });
  await open.click();
  await panel.getByRole('button', { name: /Before the cleanup/ }).click();
  const banner = panel.locator('[data-version-banner]');
  await expect(banner).toContainText('Viewing version “Before the cleanup” from');
  await expect(banner).toContainText('read-only');
  await expect(panel.locator('input, textarea, [contenteditable="true"]')).toHaveCount(0);
  await expect(panel.getByText(name, { exact: false }).first()).toBeVisible();
  const box = await seller.page.locator('dialog[open]').boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  await screenshot(seller.page, testInfo, 'version-viewed-on-phone');
  const restore = panel.getByRole('button', { name: `Restore stakeholder ${name}` });
  await restore.focus();
  await seller.page.keyboard.press('Enter');
  await expect(panel.getByRole('status').filter({ hasText: `Restored “${name}”` })).toBeVisible();
  await expect(buyer.page.locator(`[data-stakeholder="${id}"]`)).toBeVisible();
  await expect(buyer.page.locator(`[data-stakeholder="${id}"]`)).toContainText(name);
  await screenshot(buyer.page, testInfo, 'mobilizer-sees-restored');

  // Undo (Ctrl+Z) takes the restore back, for everyone.
  await seller.page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await seller.page.setViewportSize({ width: 1280, height: 800 });
  await seller.page.keyboard.press('Control+z');
  await expect(seller.page.locator(`[data-stakeholder="${id}"]`)).toHaveCount(0);
  await expect(buyer.page.locator(`[data-stakeholder="${id}"]`)).toHaveCount(0);
});

test('the mutual plan: an owner and a past due date make a verifier overdue, live for the other side', async ({
  seller,
  newActor,
}, testInfo) => {
  const deal = await seller.api.createSampleDeal();
  const buyer = await newActor({ name: 'Mia Mobilizer' });
  const invite = await seller.api.createInvite(deal.id, { email: buyer.account.email, role: 'mobilizer' });
  await buyer.api.acceptInvite(invite.token);
  await openRoom(seller.page, deal.id, 'plan');
  await openRoom(buyer.page, deal.id, 'plan');

  const verifierId = (await seller.page
    .locator('[data-verifier]:not(.checked)')
    .first()
    .getAttribute('data-verifier'))!;
  const mine = seller.page.locator(`[data-verifier="${verifierId}"]`);
  await mine.locator('select[data-verifier-owner]').selectOption({ label: 'Mia Mobilizer' });
  await mine.locator('input[data-verifier-due]').fill('2026-01-05');
  await expect(mine.locator('[data-overdue]')).toContainText(/Overdue by \d+ days?/);

  const theirs = buyer.page.locator(`[data-verifier="${verifierId}"]`);
  await expect(theirs).toHaveClass(/overdue/);
  await expect(theirs.locator('[data-overdue]')).toBeVisible();
  await expect(theirs.locator('select[data-verifier-owner] option:checked')).toHaveText('Mia Mobilizer');
  await expect(buyer.page.locator('[data-overdue-count]')).toHaveAttribute('data-overdue-count', '1');
  await screenshot(buyer.page, testInfo, 'overdue-verifier');

  // Ticking it ends the overdue state for both sides.
  await theirs.locator('input[type="checkbox"]').check();
  await expect(mine).toHaveClass(/checked/);
  await expect(mine.locator('[data-overdue]')).toHaveCount(0);
  await expect(seller.page.locator('[data-overdue-count]')).toHaveCount(0);
});
