import type { Page } from '@playwright/test';
import { type Actor, type CreatedDeal, expect, screenshot, test } from './fixtures/index.ts';

/**
 * Issue 14 in the browser: the seller's method. The seller runs the Mobilizer test in Notes and sees the
 * suggestion with its reasoning; the Mobilizer sees their own coaching stages (shared) and ticks one live, but
 * never the test or the qualification (seller document): not on screen, not over the network. A manager records
 * a no-go on the dashboard and it shows.
 */

/** Every room the page opens a websocket to (`<dealId>`, `<dealId>/seller`, `<dealId>/buyer`). */
function recordRooms(page: Page): Set<string> {
  const rooms = new Set<string>();
  page.on('websocket', (socket) => {
    rooms.add(decodeURIComponent(new URL(socket.url()).pathname.replace(/^\/sync\//, '')));
  });
  return rooms;
}

/** Opens a section of the room and waits until its documents are loaded and synced. */
async function openRoom(page: Page, dealId: string, section: string): Promise<void> {
  await page.goto(`/deals/${dealId}/${section}`);
  await expect(page.locator('[data-room][data-loaded="true"]')).toBeVisible();
  await expect(page.locator('[data-connection]').first()).toHaveAttribute('data-connection', 'synced');
}

/** The sample deal room, with a buyer who accepted the invite as its Mobilizer. */
async function sampleWithMobilizer(
  seller: Actor,
  newActor: (options?: { name?: string }) => Promise<Actor>,
): Promise<{ deal: CreatedDeal; buyer: Actor }> {
  const deal = await seller.api.createSampleDeal();
  const buyer = await newActor({ name: 'Mara Jensen' });
  const invite = await seller.api.createInvite(deal.id, { email: buyer.account.email, role: 'mobilizer' });
  await buyer.api.acceptInvite(invite.token);
  return { deal, buyer };
}

test.describe('the seller’s method', () => {
  test('a seller runs the Mobilizer test on a stakeholder and sees the suggestion, never applied by itself', async ({
    seller,
    newActor,
  }, testInfo) => {
    const { deal } = await sampleWithMobilizer(seller, newActor);
    const page = seller.page;
    await openRoom(page, deal.id, 'map');
    const cfoCard = page.locator('[data-stakeholder][data-name="Anna Kowalski"]');
    await expect(cfoCard).toBeVisible();
    const markedBefore = await page.locator('[data-stakeholder][data-unconfirmed]').count();
    expect(markedBefore).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Notes', exact: true }).click();
    const test = page.locator('[data-mobilizer-test]').filter({ hasText: 'Anna Kowalski' });
    await test.getByRole('button', { name: /Anna Kowalski/ }).click();
    await expect(test.locator('[data-suggestion]')).toContainText('Not enough to go on yet');

    await test.getByRole('radio', { name: 'Engaged', exact: true }).check();
    await test.getByRole('radio', { name: 'the group’s perspective' }).check();
    const suggestion = test.locator('[data-suggestion]');
    await expect(suggestion).toHaveAttribute('data-suggestion', 'mobilizer');
    await expect(suggestion).toContainText('Likely a Mobilizer');
    await expect(suggestion).toContainText('Engaged with a thought-provoking insight.');
    await expect(suggestion).toContainText('from the group’s perspective');

    await test.getByLabel('Task').fill('Bring the CEO to the next workshop');
    await test.getByRole('radio', { name: 'Yes', exact: true }).check();
    await expect(suggestion).toContainText('A Mobilizer, confirmed by the test');
    await expect(suggestion).toContainText('All three tells agree');
    // The map still shows her old profile: the suggestion is applied only by the seller's click.
    const apply = suggestion.getByRole('button', { name: 'Apply profile: Teacher' });
    await expect(apply).toBeEnabled();
    await screenshot(page, testInfo, 'mobilizer-test');
    await apply.click();
    await expect(suggestion.getByRole('button', { name: 'Teacher on the map' })).toBeDisabled();

    // Back on the map: her profile is confirmed now, so she is no longer marked.
    await page.getByRole('link', { name: 'Map', exact: true }).click();
    await expect(cfoCard).toBeVisible();
    await expect(cfoCard).not.toHaveAttribute('data-unconfirmed', /.*/);
    await expect(cfoCard).toContainText('Teacher');
  });

  test('the Mobilizer sees and ticks their coaching stages live with the seller, and never the test or the qualification', async ({
    seller,
    newActor,
  }, testInfo) => {
    const { deal, buyer } = await sampleWithMobilizer(seller, newActor);
    const rooms = recordRooms(buyer.page);
    await openRoom(seller.page, deal.id, 'coaching');
    await openRoom(buyer.page, deal.id, 'coaching');

    // Both see the same five stages; the sample's coaching is at stage 2, shown beside the verified stage.
    for (const page of [seller.page, buyer.page]) {
      await expect(page.locator('[data-coaching-stage]')).toHaveCount(6); // five stages + the header chip
      await expect(page.locator('a[data-coaching-stage]')).toHaveText('Coaching 2/5');
    }
    const item = buyer.page
      .locator('[data-coaching-stage="true-problem"] input[type="checkbox"]:not(:checked)')
      .first();
    const itemId = await item.getAttribute('data-coaching-item');
    expect(itemId).toBeTruthy();
    await item.check();
    await expect(seller.page.locator(`[data-coaching-item="${itemId}"]`)).toBeChecked();

    // The mental model: A and B side by side on a wide screen, stacked at phone width.
    await expect(buyer.page.locator('[data-model-side="agreed"] [data-change="added"]')).toHaveCount(1);
    const a = await buyer.page.locator('[data-model-side="current"]').boundingBox();
    const b = await buyer.page.locator('[data-model-side="agreed"]').boundingBox();
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
    await buyer.page.setViewportSize({ width: 390, height: 844 });
    const aPhone = await buyer.page.locator('[data-model-side="current"]').boundingBox();
    const bPhone = await buyer.page.locator('[data-model-side="agreed"]').boundingBox();
    expect(bPhone!.y).toBeGreaterThanOrEqual(aPhone!.y + aPhone!.height);
    // Nothing makes the page scroll sideways at phone width.
    expect(
      await buyer.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    await screenshot(buyer.page, testInfo, 'coaching-phone');
    await buyer.page.setViewportSize({ width: 1280, height: 800 });

    // The Mobilizer's own notes and map: no test, no qualification, no unconfirmed-profile mark, no suggestion.
    await buyer.page.getByRole('link', { name: 'Notes', exact: true }).click();
    await expect(buyer.page.getByRole('heading', { name: 'Buyer notes' })).toBeVisible();
    await buyer.page.getByRole('link', { name: 'Map', exact: true }).click();
    await expect(buyer.page.locator('[data-stakeholder]').first()).toBeVisible();
    await expect(buyer.page.locator('[data-stakeholder][data-unconfirmed]')).toHaveCount(0);
    await expect(buyer.page.getByRole('button', { name: 'Who is usually involved?' })).toHaveCount(0);
    for (const section of ['coaching', 'notes', 'map']) {
      await buyer.page.getByRole('link', { name: section[0]!.toUpperCase() + section.slice(1), exact: true }).click();
      await expect(buyer.page.locator('[data-room][data-loaded="true"]')).toBeVisible();
      const text = await buyer.page.locator('body').innerText();
      for (const secret of ['Is this a Mobilizer?', 'Apply profile', 'BANT', 'Qualification', 'go / no-go', 'No-go']) {
        expect(text, `${section} shows “${secret}”`).not.toContain(secret);
      }
    }
    expect([...rooms]).toContain(deal.id);
    expect([...rooms].some((room) => room.endsWith('/seller'))).toBe(false);

    // The seller's Notes have both, for contrast.
    await seller.page.getByRole('link', { name: 'Notes', exact: true }).click();
    await expect(seller.page.getByRole('heading', { name: 'Qualification and go / no-go' })).toBeVisible();
    await expect(seller.page.getByRole('heading', { name: /Is this a Mobilizer\?/ })).toBeVisible();
  });

  test('a manager records a no-go on the dashboard and it shows there and in the seller’s notes', async ({
    newActor,
  }, testInfo) => {
    const manager = await newActor({ name: 'Morgan Manager', organization: 'Acme Devices' });
    const deal = await manager.api.createSampleDeal();
    const board = manager.page;
    await board.goto('/dashboard');
    const row = board.locator(`[data-testid="deal-row"][data-deal-id="${deal.id}"]`);
    const cell = row.locator('[data-testid="decision"] [data-decision]');
    await expect(cell).toHaveAttribute('data-decision', 'go');
    // Learning: no closed deal yet, so it says so instead of guessing.
    await expect(board.locator('[data-learning="too-few"] [data-learning-message]')).toBeVisible();

    await row.getByRole('button', { name: /Record go or no-go/ }).click();
    const dialog = board.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'No-go' }).check();
    await dialog.getByLabel('Reason').fill('No budget before next fiscal year.');
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    await expect(dialog).toBeHidden();
    await expect(cell).toHaveAttribute('data-decision', 'no-go');
    await expect(cell).toContainText('No-go');
    await screenshot(board, testInfo, 'dashboard-no-go');

    // The live status carries it too: after a reload it still shows.
    await board.reload();
    await expect(cell).toHaveAttribute('data-decision', 'no-go');

    await openRoom(board, deal.id, 'notes');
    const decision = board.locator('.decision[data-decision="no-go"]');
    await expect(decision).toContainText('No budget before next fiscal year.');
    await expect(decision).toContainText('Morgan Manager');
  });
});
