import { expect, screenshot, test } from './fixtures/index.ts';

test.describe('sharing a deal and its life', () => {
  test('a seller invites the Mobilizer by email from the Share dialog, then removes them: their open room loses access', async ({
    seller,
    newActor,
  }, testInfo) => {
    const deal = await seller.api.createDeal({ title: 'Fleet renewal', buyer: 'Nordwind Logistics' });
    const buyer = await newActor({ name: 'Mara Mobilizer' });
    const { page } = seller;
    await page.goto(`/deals/${deal.id}`);
    await expect(page.locator('[data-room][data-loaded="true"]')).toBeVisible();

    // Share → the seller alone on the deal → invite by email: the mail is sent, the link shown once.
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Share Fleet renewal' });
    const members = dialog.getByRole('list', { name: 'Members' });
    await expect(members.getByRole('listitem')).toHaveCount(1);
    await expect(members).toContainText('Sam Seller (you)');
    await dialog.getByLabel('Their email').fill(buyer.account.email);
    await dialog.getByRole('button', { name: 'Send invite' }).click();
    await expect(dialog.getByText(`We emailed an invite to ${buyer.account.email}`)).toBeVisible();
    const inviteUrl = await dialog.getByTestId('invite-link').inputValue();
    expect(inviteUrl).toMatch(/\/invite\/[A-Za-z0-9_-]+$/);
    await screenshot(page, testInfo, '01-share-invite-sent');
    await dialog.getByRole('button', { name: 'Done' }).click();

    // The Mobilizer follows the link and opens the room.
    await buyer.page.goto(inviteUrl);
    await buyer.page.getByRole('button', { name: 'Accept and open the deal room' }).click();
    await expect(buyer.page).toHaveURL(new RegExp(`/deals/${deal.id}`));
    await expect(buyer.page.locator('[data-room][data-loaded="true"]')).toBeVisible();

    // The Mobilizer sees who is on the deal, and can only leave (no Remove buttons).
    await buyer.page.getByRole('button', { name: 'Share', exact: true }).click();
    const buyerDialog = buyer.page.getByRole('dialog', { name: 'Share Fleet renewal' });
    await expect(buyerDialog.getByRole('listitem')).toHaveCount(2);
    await expect(buyerDialog.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
    await expect(buyerDialog.getByRole('button', { name: 'Leave deal' })).toBeVisible();
    await buyerDialog.getByRole('button', { name: 'Done' }).click();

    // The seller sees the Mobilizer with their role and removes them.
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const row = dialog.locator(`[data-member="${buyer.account.email}"]`);
    await expect(row).toContainText('Mara Mobilizer');
    await expect(row).toContainText('Mobilizer');
    await screenshot(page, testInfo, '02-share-members');
    await row.getByRole('button', { name: 'Remove Mara Mobilizer' }).click();
    await expect(dialog.getByRole('listitem')).toHaveCount(1);

    // The Mobilizer's open room closes at once and says why.
    await expect(buyer.page.getByRole('alert').filter({ hasText: 'No access' })).toBeVisible();
    await expect(buyer.page.getByRole('alert')).toContainText('You no longer have access to this deal room');
    await screenshot(buyer.page, testInfo, '03-removed-mobilizer');
    await buyer.page.goto(`/deals/${deal.id}`);
    await expect(buyer.page.getByRole('heading', { name: 'We couldn’t find that page' })).toBeVisible();
  });

  test('a seller renames a deal and closes it as no decision with a reason; the lists filter it by state', async ({
    seller,
  }, testInfo) => {
    const deal = await seller.api.createDeal({ title: 'Printers', buyer: 'Contoso' });
    const { page } = seller;
    await page.goto(`/deals/${deal.id}`);
    await expect(page.locator('[data-room][data-loaded="true"]')).toBeVisible();

    await page.getByRole('button', { name: 'Deal menu' }).click();
    await page.getByRole('button', { name: 'Rename…' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename the deal' });
    await rename.getByLabel('Deal title').fill('Printers for all sites');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect(page.locator('[data-deal-title]')).toHaveText('Printers for all sites');

    await page.getByRole('button', { name: 'Deal menu' }).click();
    await page.getByRole('button', { name: 'Close as no decision…' }).click();
    const close = page.getByRole('dialog', { name: 'Close as no decision' });
    await close.getByRole('button', { name: 'Close as no decision' }).click();
    await expect(close.getByText('Say why the deal was lost or ended without a decision')).toBeVisible();
    await close.getByLabel('Why?').fill('They keep their old printers another year.');
    await close.getByRole('button', { name: 'Close as no decision' }).click();
    await expect(page.locator('[data-deal-state="no-decision"]')).toHaveText('No decision');
    await screenshot(page, testInfo, '04-closed-no-decision');

    await page.goto('/deals');
    await expect(page.getByLabel('Deal state')).toHaveValue('open');
    await expect(page.getByRole('heading', { name: 'No deal rooms yet' })).toBeVisible();
    await page.getByLabel('Deal state').selectOption('closed');
    const row = page.getByRole('listitem').filter({ hasText: 'Printers for all sites' });
    await expect(row).toContainText('No decision');
    await screenshot(page, testInfo, '05-deals-closed');
  });
});
