import { expect, newAccount, screenshot, test } from './fixtures/index.ts';

test.describe('accounts, deals and invites', () => {
  test('a seller signs up, creates a deal and invites a buyer, who signs up through the link and lands in the same deal', async ({
    page,
    context,
    newActor,
  }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const seller = newAccount({ name: 'Sam Seller', organization: 'Acme Devices', prefix: 'seller' });

    // Landing page → sign up as a seller with an organization.
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('the group says no');
    await screenshot(page, testInfo, '01-landing');
    await page.getByRole('link', { name: 'Sign up', exact: true }).click();
    await expect(page).toHaveURL(/\/signup$/);
    await expect(page.getByLabel('A seller: create my organization')).toBeChecked();
    await page.getByLabel('Your name').fill(seller.name);
    await page.getByLabel('Work email').fill(seller.email);
    await page.getByLabel('Password').fill(seller.password);
    await page.getByLabel('Your company').fill(seller.organization ?? '');
    await screenshot(page, testInfo, '02-signup-seller');
    await page.getByRole('button', { name: 'Create account' }).click();

    // My deals, empty → create a deal.
    await expect(page).toHaveURL(/\/deals$/);
    await expect(page.getByRole('heading', { name: 'No deal rooms yet' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create a sample deal room' })).toBeVisible();
    await screenshot(page, testInfo, '03-my-deals-empty');
    await page.getByRole('link', { name: 'Create a deal' }).click();
    await expect(page).toHaveURL(/\/deals\/new$/);
    await page.getByLabel('Deal name', { exact: true }).fill('Laptop refresh 2026');
    await page.getByLabel('Buyer', { exact: true }).fill('Northwind Traders');
    await screenshot(page, testInfo, '04-new-deal');
    await page.getByRole('button', { name: 'Create deal room' }).click();
    // The deal room may open one of its sections (/deals/<id>/map): the id is the segment after /deals/.
    await expect(page).toHaveURL(/\/deals\/[0-9a-f-]{36}(\/|$)/);
    const dealId = new URL(page.url()).pathname.split('/')[2];

    // Back on My deals: the deal, with the seller's role; invite the buyer and copy the link.
    await page.goto('/deals');
    const row = page.getByRole('listitem').filter({ hasText: 'Laptop refresh 2026' });
    await expect(row).toContainText('Northwind Traders');
    await expect(row).toContainText('Seller');
    await expect(row.getByRole('link', { name: /Laptop refresh 2026/ })).toHaveAttribute('href', `/deals/${dealId}`);
    await screenshot(page, testInfo, '05-my-deals');
    await row.getByRole('button', { name: /Invite/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite to Laptop refresh 2026' });
    await expect(dialog).toBeVisible();
    const buyer = newAccount({ name: 'Mia Mobilizer', prefix: 'buyer' });
    await dialog.getByLabel('Their email').fill(buyer.email);
    await expect(dialog.getByLabel(/Buyer \(Mobilizer\)/)).toBeChecked();
    await dialog.getByRole('button', { name: 'Send invite' }).click();
    await expect(dialog.getByText(`We emailed an invite to ${buyer.email}`)).toBeVisible();
    // The link is shown once and already on the clipboard, to send another way.
    const link = dialog.getByLabel(/Invite link/);
    await expect(link).toHaveValue(/\/invite\/[^/]+$/);
    await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
    const inviteUrl = await link.inputValue();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(inviteUrl);
    await screenshot(page, testInfo, '06-invite-dialog');

    // The buyer, in a second browser, opens the link, signs up and accepts.
    const other = await newActor({ signUp: false });
    await other.page.goto(inviteUrl);
    await expect(other.page.getByRole('heading', { name: 'Laptop refresh 2026' })).toBeVisible();
    await expect(other.page.getByText('Sam Seller invited you')).toBeVisible();
    await screenshot(other.page, testInfo, '07-invite-logged-out');
    await other.page.getByRole('link', { name: 'Sign up to accept' }).click();
    await expect(other.page).toHaveURL(/\/signup\?next=%2Finvite%2F/);
    await expect(other.page.getByLabel('Invited to a deal')).toBeChecked();
    await expect(other.page.getByLabel('Your company')).toHaveCount(0);
    await other.page.getByLabel('Your name').fill(buyer.name);
    await other.page.getByLabel('Work email').fill(buyer.email);
    await other.page.getByLabel('Password').fill(buyer.password);
    await screenshot(other.page, testInfo, '08-signup-buyer');
    await other.page.getByRole('button', { name: 'Create account' }).click();
    await expect(other.page).toHaveURL(new URL(inviteUrl).pathname);
    await expect(other.page.getByText(`Signed in as ${buyer.email}`)).toBeVisible();
    await screenshot(other.page, testInfo, '09-invite-accept');
    await other.page.getByRole('button', { name: 'Accept and open the deal room' }).click();
    await expect(other.page).toHaveURL(new RegExp(`/deals/${dealId}(/|$)`));
    await screenshot(other.page, testInfo, '10-buyer-in-deal');
    const buyerDeals = await other.api.listDeals();
    expect(buyerDeals).toEqual([expect.objectContaining({ id: dealId, role: 'mobilizer' })]);

    // The link worked once: opening it again says so.
    await page.goto(inviteUrl);
    await expect(page.getByRole('heading', { name: 'This invitation has already been used' })).toBeVisible();
    await screenshot(page, testInfo, '11-invite-used');
  });

  test('a new seller creates the sample deal room in one click', async ({ seller }, testInfo) => {
    const { page } = seller;
    await page.goto('/deals');
    await page.getByRole('button', { name: 'Create a sample deal room' }).click();
    await expect(page).toHaveURL(/\/deals\/[0-9a-f-]{36}(\/|$)/);
    const dealId = new URL(page.url()).pathname.split('/')[2];
    await screenshot(page, testInfo, 'sample-deal');
    await page.goto('/deals');
    const row = page.getByRole('listitem').filter({ has: page.locator(`a[href="/deals/${dealId}"]`) });
    await expect(row).toContainText('Seller');
    expect(await seller.api.listDeals()).toEqual([expect.objectContaining({ id: dealId, role: 'seller' })]);
  });

  test('an unknown page and an unknown invite link get clear pages', async ({ page }, testInfo) => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { name: 'We couldn’t find that page' })).toBeVisible();
    await screenshot(page, testInfo, 'not-found');
    await page.goto('/invite/not-a-real-token-0000000000000000');
    await expect(page.getByRole('heading', { name: 'This invitation link doesn’t work' })).toBeVisible();
    await screenshot(page, testInfo, 'invite-unknown');
  });

  test('a bad login shows the error, and a good one goes where the user was going', async ({
    page,
    newActor,
  }, testInfo) => {
    const { account } = await newActor({ name: 'Lou Login', organization: 'Login Co' });

    await page.goto('/deals/new');
    await expect(page).toHaveURL(/\/login\?next=%2Fdeals%2Fnew$/);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert')).toContainText('That email and password do not match an account.');
    await expect(page).toHaveURL(/\/login/);
    await screenshot(page, testInfo, 'login-error');

    // Keyboard only: fix the password and press Enter.
    await page.getByLabel('Password').fill(account.password);
    await page.getByLabel('Password').press('Enter');
    await expect(page).toHaveURL(/\/deals\/new$/);
    await expect(page.getByRole('heading', { name: 'New deal room' })).toBeVisible();
  });

  test('sign-up shows a message under each field that needs one', async ({ page, newActor }, testInfo) => {
    await page.goto('/signup');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.locator('[data-field-error="name"]')).toHaveText('Enter your name.');
    await expect(page.locator('[data-field-error="email"]')).toHaveText('Enter your email address.');
    await expect(page.locator('[data-field-error="password"]')).toHaveText('Enter a password.');
    await expect(page.locator('[data-field-error="organization"]')).toHaveText('Enter your company’s name.');
    await expect(page.getByLabel('Your name')).toBeFocused();
    await expect(page.getByLabel('Your name')).toHaveAttribute('aria-invalid', 'true');
    await screenshot(page, testInfo, 'signup-local-errors');

    // The API's field-named answers land under their fields too.
    const { account } = await newActor({ name: 'Taken', organization: 'Taken Co' });
    await page.getByLabel('Your name').fill('x'.repeat(101));
    await page.getByLabel('Work email').fill(account.email);
    await page.getByLabel('Password').fill('long enough password');
    await page.getByLabel('Your company').fill('Another Co');
    await expect(page.locator('[data-field-error]')).toHaveCount(0);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.locator('[data-field-error="name"]')).toContainText('at most 100 characters');
    await page.getByLabel('Your name').fill('Second Person');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.locator('[data-field-error="email"]')).toContainText('already exists');
    await expect(page).toHaveURL(/\/signup$/);
    await screenshot(page, testInfo, 'signup-api-errors');
  });

  test('logging out ends the session', async ({ newActor }, testInfo) => {
    const { page, account, api } = await newActor({ name: 'Olga Out', organization: 'Out Co' });
    await page.goto('/deals');
    await expect(page.getByRole('heading', { name: 'My deals' })).toBeVisible();
    await page.getByRole('button', { name: /account menu/ }).click();
    await expect(page.getByText(account.email)).toBeVisible();
    await screenshot(page, testInfo, 'user-menu');
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.reload();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto('/deals');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
    expect((await api.call('GET', '/api/me')).status()).toBe(401);
    await screenshot(page, testInfo, 'logged-out');
  });
});
