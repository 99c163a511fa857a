import type { Locator, Page } from '@playwright/test';
import { expect, fakeClientIp, screenshot, test } from './fixtures/index.ts';

/**
 * Keyboard-only use (issue 16, accessibility): the shared dialog behaviour (focus in, trapped, Escape closes,
 * focus back to the opener) and a main journey walked with Tab, Enter and typing alone, focus visible throughout.
 */

/** Why the focused element shows no focus indicator, or null when it shows one (an outline or a ring). */
function focusProblem(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement || element instanceof SVGElement) || element === document.body) {
      return 'nothing has focus';
    }
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
      return outline || style.boxShadow !== 'none';
    };
    // An SVG card shows its focus on its shape (`data-focus-mark`): a 2 px accent stroke.
    const stroked = (el: Element) => Number.parseFloat(getComputedStyle(el).strokeWidth) >= 2;
    const marked = visible(element) || [...element.querySelectorAll('[data-focus-mark]')].some(stroked);
    return marked ? null : `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
  });
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking on every stop that the focus is visible.
 * Fails when the target is not reached within `limit` presses.
 */
async function tabTo(page: Page, target: Locator, { backward = false, limit = 60 } = {}): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backward ? 'Shift+Tab' : 'Tab');
    const problem = await focusProblem(page);
    expect(problem, 'focus is visible on every stop').toBeNull();
  }
  await expect(target).toBeFocused();
}

/** Tabs forward and backward through an open dialog and checks focus never leaves it. */
async function expectFocusTrapped(page: Page, dialog: Locator): Promise<void> {
  const count = await dialog.evaluate(
    (el) => el.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), select, textarea').length,
  );
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < count + 2; i++) {
      await page.keyboard.press(key);
      expect(await dialog.evaluate((el) => el.contains(document.activeElement)), `${key} stays in the dialog`).toBe(
        true,
      );
      expect(await focusProblem(page)).toBeNull();
    }
  }
}

test.describe('keyboard only', () => {
  test('every dialog moves focus in, traps it, closes on Escape and gives focus back to its opener', async ({
    seller,
  }) => {
    const deal = await seller.api.createDeal({ title: 'Fleet renewal', buyer: 'Nordwind Logistics' });
    const { page } = seller;

    // The Share dialog of the room.
    await page.goto(`/deals/${deal.id}/map`);
    await expect(page.locator('[data-room][data-loaded="true"]')).toBeVisible();
    const share = page.getByRole('button', { name: 'Share', exact: true });
    await share.focus();
    await page.keyboard.press('Enter');
    const shareDialog = page.getByRole('dialog', { name: 'Share Fleet renewal' });
    await expect(shareDialog).toBeVisible();
    expect(await shareDialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await expectFocusTrapped(page, shareDialog);
    await page.keyboard.press('Escape');
    await expect(shareDialog).toBeHidden();
    await expect(share).toBeFocused();

    // The deal menu's Rename dialog: focus starts in its field.
    const menu = page.getByRole('button', { name: /^Deal/ });
    await menu.focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('menuitem', { name: /Rename/ })
      .or(page.getByRole('button', { name: /Rename/ }))
      .first()
      .press('Enter');
    const rename = page.getByRole('dialog', { name: 'Rename the deal' });
    await expect(rename).toBeVisible();
    await expect(rename.getByRole('textbox').first()).toBeFocused();
    await expectFocusTrapped(page, rename);
    await page.keyboard.press('Escape');
    await expect(rename).toBeHidden();
    // Its opener (the menu item) is gone with the menu: focus returns to the menu's button.
    await expect(menu).toBeFocused();

    // The invite dialog of the deal list.
    await page.goto('/deals');
    const invite = page.getByRole('button', { name: 'Invite to Fleet renewal' });
    await invite.focus();
    await page.keyboard.press('Enter');
    const inviteDialog = page.getByRole('dialog', { name: 'Invite to Fleet renewal' });
    await expect(inviteDialog).toBeVisible();
    expect(await inviteDialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await expectFocusTrapped(page, inviteDialog);
    await page.keyboard.press('Escape');
    await expect(inviteDialog).toBeHidden();
    await expect(invite).toBeFocused();
  });

  test('sign up, create a deal, add a stakeholder and share it with the keyboard alone, focus visible throughout', async ({
    browser,
    baseURL,
  }, testInfo) => {
    const context = await browser.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': fakeClientIp() } });
    const page = await context.newPage();
    const email = `keyboard-${Date.now()}@example.com`;

    await page.goto('/signup');
    await tabTo(page, page.getByLabel('Your name'));
    await page.keyboard.type('Kim Keys');
    await tabTo(page, page.getByLabel('Work email'));
    await page.keyboard.type(email);
    await tabTo(page, page.getByLabel('Password'));
    await page.keyboard.type('a long enough password');
    const company = page.getByLabel('Your company');
    if (await company.isVisible()) {
      await tabTo(page, company);
      await page.keyboard.type('Keyboard Devices');
    }
    await tabTo(page, page.getByRole('button', { name: 'Create account' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/deals/);
    // Each page is ready (SvelteKit has reset focus after navigating) before the next Tab.
    await expect(page.getByRole('heading', { name: 'My deals' })).toBeVisible();

    // A new deal.
    await tabTo(page, page.getByRole('link', { name: /^(New deal|Create a deal)$/ }).first());
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Deal name')).toBeVisible();
    await tabTo(page, page.getByLabel('Deal name'));
    await page.keyboard.type('Laptop refresh');
    await tabTo(page, page.getByLabel('Buyer'));
    await page.keyboard.type('Northwind Traders');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-room][data-loaded="true"]')).toBeVisible();

    // A first stakeholder: the name field has focus once added.
    await tabTo(page, page.getByRole('button', { name: 'Add the first stakeholder' }));
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-panel] [data-field$=":name"]')).toBeFocused();
    await page.keyboard.type('Dana Ortiz');
    await expect(page.locator('[data-name="Dana Ortiz"]')).toBeVisible();

    // Share: invite the buyer's Mobilizer by email.
    const share = page.getByRole('button', { name: 'Share', exact: true });
    await tabTo(page, share, { backward: true, limit: 120 });
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Share Laptop refresh' });
    await tabTo(page, dialog.getByLabel('Their email'));
    await page.keyboard.type('mobilizer@northwind.example');
    await tabTo(page, dialog.getByRole('button', { name: 'Send invite' }));
    await page.keyboard.press('Enter');
    await expect(dialog.getByText('We emailed an invite to mobilizer@northwind.example')).toBeVisible();
    await screenshot(page, testInfo, 'keyboard-share');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(share).toBeFocused();
    await context.close();
  });
});
