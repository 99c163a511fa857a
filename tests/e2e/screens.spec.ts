import type { Locator, Page, TestInfo } from '@playwright/test';
import { type Actor, type CreatedDeal, expect, fakeClientIp, QuorumApi, screenshot, test } from './fixtures/index.ts';
import { expectNoHorizontalOverflow, expectReachable, SMALL_PHONE, TABLET, VIEWPORTS } from './fixtures/layout.ts';

/**
 * Issue 16, every screen at a phone's width (390 × 844) and a desktop's (1440 × 900): the page never scrolls
 * sideways, its key controls are on screen and not covered, and a screenshot of each is kept as an artifact
 * of the run (test-results/e2e/<test>/<viewport>-<screen>.png).
 */

type Viewport = keyof typeof VIEWPORTS;

/** The room's sections, in tab order, each with a control that must be reachable there. */
const SECTIONS: Array<{ slug: string; label: string; key: (page: Page) => Locator }> = [
  { slug: 'map', label: 'Map', key: (page) => page.getByRole('button', { name: 'Add stakeholder' }) },
  { slug: 'criteria', label: 'Criteria', key: (page) => page.getByRole('button', { name: 'Add criterion' }) },
  { slug: 'objections', label: 'Objections', key: (page) => page.getByRole('button', { name: 'Add objection' }) },
  { slug: 'plan', label: 'Plan', key: (page) => page.getByRole('button', { name: '+ Add a verifier' }).first() },
  { slug: 'group', label: 'Group', key: (page) => page.getByRole('button', { name: 'Plan a workshop' }) },
  { slug: 'coaching', label: 'Coaching', key: (page) => page.getByRole('heading', { name: 'Coaching', exact: true }) },
  { slug: 'guides', label: 'Guides', key: (page) => page.getByRole('button', { name: 'Create link' }).first() },
  { slug: 'notes', label: 'Notes', key: (page) => page.getByRole('heading', { name: 'Seller notes' }) },
];

/** Checks one screen: no sideways scroll, each key control reachable, and a screenshot. */
async function checkScreen(
  page: Page,
  testInfo: TestInfo,
  viewport: Viewport,
  screen: string,
  controls: Array<[string, Locator]>,
): Promise<void> {
  await expectNoHorizontalOverflow(page, `${screen} at ${viewport}`);
  for (const [what, control] of controls) await expectReachable(control, `${screen} at ${viewport}: ${what}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, testInfo, `${viewport}-${screen}`);
}

/** Opens a section of the room and waits until the room's documents are loaded and synced. */
async function openRoom(page: Page, dealId: string, section: string): Promise<void> {
  await page.goto(`/deals/${dealId}/${section}`);
  await expect(page.locator('[data-room][data-loaded="true"]')).toBeVisible();
  await expect(page.locator('[data-connection]').first()).toHaveAttribute('data-connection', 'synced');
}

/** A guide link for the sample's Jonas Weber (who has not answered yet), created by the seller. */
async function guideLink(seller: Actor, deal: CreatedDeal): Promise<string> {
  const engagement = (await (await seller.api.call('GET', `/api/deals/${deal.id}/engagement`)).json()) as {
    stakeholders: Array<{ id: string; name: string }>;
  };
  const jonas = engagement.stakeholders.find((s) => s.name === 'Jonas Weber');
  expect(jonas).toBeDefined();
  const created = await seller.api.call('POST', `/api/deals/${deal.id}/guides/${jonas?.id}/links`, {});
  expect(created.status()).toBe(201);
  return new URL(((await created.json()) as { url: string }).url).pathname;
}

for (const viewport of Object.keys(VIEWPORTS) as Viewport[]) {
  test.describe(`every screen at ${VIEWPORTS[viewport].width} × ${VIEWPORTS[viewport].height}`, () => {
    test.use({ viewport: VIEWPORTS[viewport] });

    test('the public screens: landing, sign-up and login', async ({ page }, testInfo) => {
      await page.goto('/');
      await checkScreen(page, testInfo, viewport, 'landing', [
        ['sign up', page.getByRole('link', { name: 'Create your first deal room' })],
        ['log in', page.getByRole('link', { name: 'Log in' }).first()],
      ]);
      await page.goto('/signup');
      await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
      await checkScreen(page, testInfo, viewport, 'signup', [
        ['email', page.getByLabel('Email')],
        ['create account', page.getByRole('button', { name: 'Create account' })],
      ]);
      await page.goto('/login');
      await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
      await checkScreen(page, testInfo, viewport, 'login', [
        ['email', page.getByLabel('Email')],
        ['log in', page.getByRole('button', { name: 'Log in' })],
      ]);
    });

    test('the seller’s screens: deals, a new deal, every section of the room, the dashboard, account and webhooks', async ({
      seller,
    }, testInfo) => {
      test.setTimeout(240_000);
      const { page } = seller;
      await page.setViewportSize(VIEWPORTS[viewport]);
      const deal = await seller.api.createSampleDeal();

      await page.goto('/deals');
      await expect(page.getByRole('heading', { name: 'My deals' })).toBeVisible();
      await checkScreen(page, testInfo, viewport, 'deals', [
        ['new deal', page.getByRole('link', { name: 'New deal' })],
        ['the deal', page.getByRole('link', { name: deal.title }).first()],
      ]);

      await page.goto('/deals/new');
      await expect(page.getByRole('heading', { name: 'New deal room' })).toBeVisible();
      await checkScreen(page, testInfo, viewport, 'new-deal', [
        ['deal name', page.getByLabel('Deal name')],
        ['create', page.getByRole('button', { name: 'Create deal room' })],
      ]);

      const tabs = page.getByRole('navigation', { name: 'Deal room sections' });
      for (const section of SECTIONS) {
        await openRoom(page, deal.id, section.slug);
        // The active tab is scrolled into view without the person looking for it.
        const active = tabs.getByRole('link', { name: section.label, exact: true });
        await expect(active).toHaveAttribute('aria-current', 'page');
        await expect
          .poll(() =>
            active.evaluate(
              (el) => el.getBoundingClientRect().right <= window.innerWidth && el.getBoundingClientRect().left >= 0,
            ),
          )
          .toBe(true);
        await checkScreen(page, testInfo, viewport, `room-${section.slug}`, [
          ['health', page.locator('button[data-band]')],
          [section.label, section.key(page)],
          ['undo', page.getByRole('button', { name: 'Undo' })],
        ]);
      }
      // Every tab can be reached from the strip.
      for (const section of SECTIONS) {
        await expectReachable(tabs.getByRole('link', { name: section.label, exact: true }), `tab ${section.label}`);
      }

      await page.goto('/dashboard');
      await expect(page.getByRole('heading', { name: 'Deal dashboard' })).toBeVisible();
      const deals = page.getByRole('region', { name: 'Deals' });
      await expect(deals.getByRole('link', { name: deal.title })).toBeVisible();
      await checkScreen(page, testInfo, viewport, 'dashboard', [
        ['search', page.getByRole('searchbox', { name: 'Search deals' })],
        ['the deal', deals.getByRole('link', { name: deal.title })],
      ]);

      await page.goto('/account');
      await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
      await checkScreen(page, testInfo, viewport, 'account', [
        ['password', page.getByRole('link', { name: 'Change your password by mail' })],
      ]);

      await page.goto('/settings/webhooks');
      await expect(page.getByRole('heading', { name: 'Webhooks' })).toBeVisible();
      await checkScreen(page, testInfo, viewport, 'webhooks', [
        ['add endpoint', page.getByRole('button', { name: 'Add endpoint' })],
      ]);
    });

    test('the screens behind a link: the guide page, the voice form and the invite page', async ({
      seller,
      browser,
      baseURL,
    }, testInfo) => {
      const deal = await seller.api.createSampleDeal();
      const path = await guideLink(seller, deal);
      const invite = await seller.api.createInvite(deal.id, { email: 'colleague@e2e.quorum.test' });
      // Nothing but the link: no account, no cookie.
      const stranger = await browser.newContext({ baseURL, viewport: VIEWPORTS[viewport] });
      try {
        const page = await stranger.newPage();
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await checkScreen(page, testInfo, viewport, 'guide-page', [
          ['pdf', page.getByRole('link', { name: /PDF/ }).first()],
        ]);
        const form = page.locator('#your-view');
        await form.scrollIntoViewIfNeeded();
        await checkScreen(page, testInfo, viewport, 'voice-form', [
          ['a weight', form.getByLabel('Productivity', { exact: false })],
          ['send', form.getByRole('button', { name: 'Send my view' })],
        ]);

        await page.goto(`/invite/${invite.token}`);
        await expect(page.getByRole('heading', { name: deal.title })).toBeVisible();
        await checkScreen(page, testInfo, viewport, 'invite', [
          ['sign up', page.getByRole('link', { name: 'Sign up to accept' })],
          ['log in', page.getByRole('link', { name: 'I have an account: log in' })],
        ]);
      } finally {
        await stranger.close();
      }
    });
  });
}

for (const [name, size] of [
  ['tablet', TABLET],
  ['small-phone', SMALL_PHONE],
] as const) {
  test.describe(`at a ${name === 'tablet' ? 'tablet' : 'small phone'}'s ${size.width} × ${size.height}`, () => {
    test('the room’s sections and the dashboard fit', async ({ seller }, testInfo) => {
      test.setTimeout(180_000);
      const { page } = seller;
      await page.setViewportSize(size);
      const deal = await seller.api.createSampleDeal();
      for (const section of SECTIONS) {
        await openRoom(page, deal.id, section.slug);
        if (section.slug === 'map') {
          // A person's details open as a sheet over the map, not a panel below the fold.
          const card = await cardInView(page);
          await page.locator(`svg [data-stakeholder="${card.id}"]`).click();
          const sheet = page.getByRole('dialog', { name: `${card.name}: details` });
          await expect(sheet).toBeVisible();
          await expectNoHorizontalOverflow(page, `map sheet at ${name}`);
          await screenshot(page, testInfo, `${name}-map-sheet`);
          await page.keyboard.press('Escape');
          await expect(sheet).toHaveCount(0);
        }
        await expectNoHorizontalOverflow(page, `room-${section.slug} at ${name}`);
        await expectReachable(section.key(page), `room-${section.slug} at ${name}: ${section.label}`);
        await screenshot(page, testInfo, `${name}-room-${section.slug}`);
      }
      await page.goto('/dashboard');
      const deals = page.getByRole('region', { name: 'Deals' });
      await expect(deals.getByRole('link', { name: deal.title })).toBeVisible();
      await expectNoHorizontalOverflow(page, `dashboard at ${name}`);
      if (name === 'tablet') {
        // A table that scrolls in its frame, the deal's name kept in view while it does.
        await page.getByTestId('deal-table').evaluate((table) => {
          const frame = table.parentElement!;
          frame.scrollLeft = frame.scrollWidth;
        });
      }
      await expectReachable(deals.getByRole('link', { name: deal.title }), `the deal’s name at ${name}`);
      await screenshot(page, testInfo, `${name}-dashboard`);
    });
  });
}

test.describe('the Mobilizer’s room at 390 × 844', () => {
  test('every section fits a phone on the buyer’s side too', async ({ seller, newActor }, testInfo) => {
    test.setTimeout(180_000);
    const deal = await seller.api.createSampleDeal();
    const buyer = await newActor({ name: 'Mia Mobilizer' });
    const invite = await seller.api.createInvite(deal.id, { email: buyer.account.email, role: 'mobilizer' });
    await buyer.api.acceptInvite(invite.token);
    const { page } = buyer;
    await page.setViewportSize(VIEWPORTS.phone);
    const tabs = page.getByRole('navigation', { name: 'Deal room sections' });
    for (const section of SECTIONS) {
      await openRoom(page, deal.id, section.slug);
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await checkScreen(page, testInfo, 'phone', `mobilizer-room-${section.slug}`, [
        ['health', page.locator('button[data-band]')],
        [`tab ${section.label}`, tabs.getByRole('link', { name: section.label, exact: true })],
      ]);
    }
  });
});

/** A person's card wholly inside the map's canvas and the screen, with where it is. */
async function cardInView(
  page: Page,
): Promise<{ id: string; name: string; r: { left: number; top: number; width: number; height: number } }> {
  const svg = page.getByRole('group', { name: /Org chart of the buying group/ });
  await svg.scrollIntoViewIfNeeded();
  const canvas = (await svg.boundingBox())!;
  const found = await page.locator('svg g.card').evaluateAll(
    (all, box) =>
      all
        .map((card) => {
          const r = card.getBoundingClientRect();
          return {
            id: card.getAttribute('data-stakeholder') ?? '',
            name: card.getAttribute('data-name') ?? '',
            r: { left: r.left, top: r.top, width: r.width, height: r.height },
          };
        })
        .find(
          ({ r }) =>
            r.left >= box.x &&
            r.left + r.width <= box.x + box.width &&
            r.top >= Math.max(box.y, 120) &&
            r.top + r.height <= Math.min(box.y + box.height - 60, window.innerHeight),
        ),
    canvas,
  );
  expect(found, 'a whole card is in view').toBeDefined();
  return found!;
}

/** A phone with a touch screen, logged in as `who` (their own cookies, their own client address). */
async function touchPhone(
  browser: import('@playwright/test').Browser,
  baseURL: string | undefined,
  who: Actor,
): Promise<{ context: import('@playwright/test').BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport: VIEWPORTS.phone,
    hasTouch: true,
    isMobile: true,
    extraHTTPHeaders: { 'x-forwarded-for': fakeClientIp() },
  });
  await new QuorumApi(context.request, baseURL ?? '').logIn(who.account);
  return { context, page: await context.newPage() };
}

/** The map's zoom and pan, as its transform says. */
async function mapView(page: Page): Promise<{ x: number; y: number; k: number }> {
  const transform = (await page.locator('svg g.viewport').getAttribute('transform')) ?? '';
  const [x, y, k] = (transform.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
  return { x: x ?? Number.NaN, y: y ?? Number.NaN, k: k ?? Number.NaN };
}

/** Drags fingers over the screen through the DevTools protocol: `paths[i]` is finger i's way, same length each. */
async function touchGesture(page: Page, paths: Array<Array<{ x: number; y: number }>>): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const at = (step: number) => paths.map((path, id) => ({ id, x: path[step]!.x, y: path[step]!.y }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let step = 1; step < paths[0]!.length; step++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(step) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** `count` points from `from` to `to`. */
function line(
  from: { x: number; y: number },
  to: { x: number; y: number },
  count = 8,
): Array<{ x: number; y: number }> {
  return Array.from({ length: count + 1 }, (_, i) => ({
    x: from.x + ((to.x - from.x) * i) / count,
    y: from.y + ((to.y - from.y) * i) / count,
  }));
}

test.describe('at 390 × 844, by touch', () => {
  test('the map: readable at first, a tap opens a person as a sheet, pinch zooms and a drag pans', async ({
    seller,
    browser,
    baseURL,
  }, testInfo) => {
    const deal = await seller.api.createSampleDeal();
    const { context, page } = await touchPhone(browser, baseURL, seller);
    try {
      await openRoom(page, deal.id, 'map');
      const svg = page.getByRole('group', { name: /Org chart of the buying group/ });
      await expect(svg).toBeVisible();
      // Fit to the screen: the chart fills the width, its cards readable (not a thumbnail).
      const first = (await svg.boundingBox())!;
      expect(first.width).toBeGreaterThan(VIEWPORTS.phone.width - 48);
      expect(first.height).toBeGreaterThan(360);
      const before = await mapView(page);
      expect(before.k).toBeGreaterThanOrEqual(0.7);
      await expectNoHorizontalOverflow(page, 'map by touch');

      // Scrolled to the map, as a person would: it fills the screen under the top bar and the tabs.
      await svg.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 110));
      const canvas = (await svg.boundingBox())!;
      expect(canvas.y + canvas.height).toBeLessThanOrEqual(VIEWPORTS.phone.height);
      // A card in view, at its centre.
      const cards = page.locator('svg g.card');
      const target = await cardInView(page);
      const centre = { x: target.r.left + target.r.width / 2, y: target.r.top + target.r.height / 2 };
      await page.touchscreen.tap(centre.x, centre.y);
      const sheet = page.getByRole('dialog', { name: `${target.name}: details` });
      await expect(sheet).toBeVisible();
      await expect(sheet.getByRole('heading', { name: target.name })).toBeFocused();
      // The sheet is over the map, at the bottom of the screen, and fits its width.
      const sheetBox = (await sheet.boundingBox())!;
      expect(sheetBox.x).toBe(0);
      expect(Math.round(sheetBox.y + sheetBox.height)).toBe(VIEWPORTS.phone.height);
      expect(sheetBox.width).toBe(VIEWPORTS.phone.width);
      // The person stays in view above the sheet (the chart pans them there when the sheet would cover them).
      const tapped = page.locator(`svg [data-stakeholder="${target.id}"]`);
      const tabsBottom = await page
        .getByRole('navigation', { name: 'Deal room sections' })
        .evaluate((el) => el.getBoundingClientRect().bottom);
      await expect
        .poll(async () => {
          const box = (await tapped.boundingBox())!;
          return (
            box.y >= tabsBottom - 1 &&
            box.y + box.height <= sheetBox.y + 1 &&
            box.x >= 0 &&
            box.x + box.width <= VIEWPORTS.phone.width
          );
        })
        .toBe(true);
      await screenshot(page, testInfo, 'phone-map-sheet');
      await page.keyboard.press('Escape');
      await expect(sheet).toHaveCount(0);
      await expect(tapped).toBeFocused();

      // Open again, and close with its button.
      const again = (await tapped.boundingBox())!;
      await page.touchscreen.tap(again.x + again.width / 2, again.y + again.height / 2);
      await expect(sheet).toBeVisible();
      await sheet.getByRole('button', { name: 'Close the stakeholder panel' }).tap();
      await expect(sheet).toHaveCount(0);

      // Pinch out: the zoom grows around the fingers.
      const mid = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
      await touchGesture(page, [
        line({ x: mid.x - 30, y: mid.y }, { x: mid.x - 120, y: mid.y }),
        line({ x: mid.x + 30, y: mid.y }, { x: mid.x + 120, y: mid.y }),
      ]);
      const zoomed = await mapView(page);
      expect(zoomed.k).toBeGreaterThan(before.k * 1.5);
      // Pinch in: it shrinks again.
      await touchGesture(page, [
        line({ x: mid.x - 120, y: mid.y }, { x: mid.x - 40, y: mid.y }),
        line({ x: mid.x + 120, y: mid.y }, { x: mid.x + 40, y: mid.y }),
      ]);
      const pinched = await mapView(page);
      expect(pinched.k).toBeLessThan(zoomed.k);

      // One finger drags the chart, even when it lands on a card, and that card does not open.
      await page.getByRole('button', { name: 'Fit' }).tap();
      const fitted = await mapView(page);
      const card = await cards.first().boundingBox();
      const from = { x: card!.x + card!.width / 2, y: card!.y + card!.height / 2 };
      await touchGesture(page, [line(from, { x: from.x + 60, y: from.y + 90 })]);
      const panned = await mapView(page);
      expect(panned.k).toBe(fitted.k);
      expect(panned.x - fitted.x).toBeCloseTo(60, 0);
      expect(panned.y - fitted.y).toBeCloseTo(90, 0);
      await expect(page.getByRole('dialog')).toHaveCount(0);
      // The page itself did not move sideways or zoom.
      expect(await page.evaluate(() => window.scrollX)).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('the criteria: one card per criterion with its weight, a score per option and the spread', async ({
    seller,
  }, testInfo) => {
    const { page } = seller;
    await page.setViewportSize(VIEWPORTS.phone);
    const deal = await seller.api.createSampleDeal();
    await openRoom(page, deal.id, 'criteria');
    const cards = page.locator('[data-criteria-cards]');
    await expect(cards).toBeVisible();
    await expect(page.locator('table')).toHaveCount(0);
    const { criteria, options } = await page.evaluate(() => {
      return {
        criteria: document.querySelectorAll('[data-criteria-cards] li[data-criterion]').length,
        options: document.querySelectorAll('[data-criteria-cards] .options li').length,
      };
    });
    expect(criteria).toBeGreaterThan(2);
    expect(options).toBeGreaterThan(1);

    const weight = page.getByLabel(/^Weight of Productivity/);
    const productivity = cards.locator('li[data-criterion]').filter({ has: weight });
    await expect(productivity).toHaveCount(1);
    await expect(weight).toBeVisible();
    await expect(productivity.locator('select[aria-label^="Score of"]')).toHaveCount(options);
    // The disconnect the sample is built around: the CFO and the key user stand apart.
    await expect(productivity.locator('[data-disconnect]')).toHaveAttribute('data-disconnect', /high|some/);
    for (const card of await cards.locator('li[data-criterion]').all()) {
      const box = (await card.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    }

    // Scores and weights are edited on the card as in the table.
    const score = productivity.locator('select[aria-label^="Score of"]').first();
    await score.selectOption('2');
    await expect(score).toHaveAttribute('data-score', '2');
    await productivity.getByRole('button', { name: /^Details of Productivity/ }).click();
    await expect(productivity.locator('[id^="card-details-"]')).toBeVisible();
    await expectNoHorizontalOverflow(page, 'criteria cards with details open');
    await screenshot(page, testInfo, 'phone-criteria-cards');

    // Back at desktop width, the table, with the score given on the phone.
    await page.setViewportSize(VIEWPORTS.desktop);
    await expect(page.locator('table.matrix')).toBeVisible();
    await expect(page.locator('[data-criteria-cards]')).toHaveCount(0);
    const row = page.locator('tr[data-criterion]').filter({ has: page.getByLabel(/^Weight of Productivity/) });
    await expect(row.locator('select[aria-label^="Score of"]').first()).toHaveAttribute('data-score', '2');
  });
});
