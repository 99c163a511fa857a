import { expect, screenshot, test } from './fixtures/index.ts';

/**
 * Issue 5's "done when": a manager watching the dashboard sees a deal turn red the moment a seller maps
 * a Blocker, can read why, and sees it recover when the Blocker gets a plan, all without a reload.
 */
test.describe('manager dashboard', () => {
  test('turns a deal red when a seller maps a Blocker, explains why, and recovers when the Blocker gets a plan', async ({
    newActor,
  }, testInfo) => {
    const manager = await newActor({ name: 'Morgan Manager', organization: 'Acme Devices' });
    const deal = await manager.api.createDeal({ title: 'Laptop refresh', buyer: 'Northwind Traders' });
    // A seller joins the organization and the deal through a seller invite, in their own browser context.
    const seller = await newActor({ name: 'Sam Seller' });
    const invite = await manager.api.createInvite(deal.id, { email: seller.account.email, role: 'seller' });
    await seller.api.acceptInvite(invite.token);

    // The manager opens the dashboard: the deal is listed, live.
    const board = manager.page;
    await board.goto('/dashboard');
    await expect(board.getByTestId('live-indicator')).toHaveText('Live');
    const row = board.getByTestId('deal-row').filter({ hasText: 'Laptop refresh' });
    await expect(row).toBeVisible();
    await expect(row.getByTestId('group')).toContainText('0 Block.');
    await screenshot(board, testInfo, '01-dashboard');
    const healthOf = async () => Number((await row.getByTestId('health').locator('strong').textContent()) ?? 'NaN');

    // The seller maps a Blocker on the stakeholder map.
    const room = seller.page;
    await room.goto(`/deals/${deal.id}/map`);
    await room
      .getByRole('button', { name: /Add (the first )?stakeholder/ })
      .first()
      .click();
    const name = room.locator(`[data-field$=":name"]`).first();
    await name.fill('Dana Ortiz');
    await room.getByLabel('Profile').selectOption('blocker');

    // The dashboard turns red without a reload, and says why.
    await expect(row.getByTestId('group')).toContainText('1 Block.');
    await expect(row.getByTestId('group')).toContainText('1 no plan');
    await expect(row.getByTestId('health')).toContainText('Critical');
    const red = await healthOf();
    await row.getByRole('button', { name: /risks/ }).click();
    const risks = board.getByTestId('risks');
    await expect(risks.locator('[data-risk="blocker-without-plan"]')).toContainText('Dana Ortiz');
    await expect(risks.locator('[data-risk="blocker-without-plan"]')).toContainText(
      'Source: CEB research: a Blocker in the group cuts the chance of a quality sale by 47 %',
    );
    await screenshot(board, testInfo, '02-blocker-mapped');

    // The seller chooses a plan for the Blocker in the seller-only notes.
    await room.goto(`/deals/${deal.id}/notes`);
    await room.locator('[data-blocker-plan] label.action select').selectOption('approach-directly');

    // The deal recovers on the dashboard: no plan-less Blocker, a higher health, the plan named in the risk.
    await expect(row.getByTestId('group')).not.toContainText('no plan');
    await expect.poll(healthOf).toBeGreaterThan(red);
    await expect(risks.locator('[data-risk="blocker-without-plan"]')).toHaveCount(0);
    await expect(risks.locator('[data-risk="blocker"]')).toContainText('approach them directly');
    await expect(board.getByTestId('live-indicator')).toHaveText('Live');
    await screenshot(board, testInfo, '03-plan-chosen');
  });
});

test.describe('manager dashboard, live stream', () => {
  test('says Reconnecting… when the stream drops, and catches up with what changed meanwhile', async ({
    newActor,
    baseURL,
  }, testInfo) => {
    const manager = await newActor({ name: 'Morgan Manager', organization: 'Acme Devices' });
    await manager.api.createDeal({ title: 'Laptop refresh', buyer: 'Northwind Traders' });

    // The first connection carries the server's real snapshot, then the network drops it (a recording of
    // the server's answer up to `ready`, replayed), and the next attempt fails outright.
    const cookie = (await manager.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const record = async () => {
      const abort = new AbortController();
      const live = await fetch(new URL('/api/deals/events', baseURL).href, {
        headers: { cookie },
        signal: abort.signal,
      });
      const reader = live.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      while (!text.includes('event: ready')) text += (await reader.read()).value ?? '';
      abort.abort();
      return text;
    };
    // A new deal is projected when a dashboard first asks for it; record once its status is stored.
    await expect.poll(record).toContain('Laptop refresh');
    const recorded = await record();
    let connections = 0;
    await manager.page.route('**/api/deals/events', async (route) => {
      connections += 1;
      if (connections === 1) {
        return route.fulfill({
          status: 200,
          headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
          body: `retry: 1000\n\n${recorded}`,
        });
      }
      if (connections === 2) return route.abort('connectionreset');
      return route.continue();
    });

    const board = manager.page;
    await board.goto('/dashboard');
    await expect(board.getByTestId('deal-row').filter({ hasText: 'Laptop refresh' })).toBeVisible();
    await expect(board.getByTestId('live-indicator')).toHaveText('Reconnecting…');
    await screenshot(board, testInfo, '01-reconnecting');
    // A deal created while the stream is down arrives with the reconnection's snapshot.
    await manager.api.createDeal({ title: 'Server farm', buyer: 'Contoso' });
    await expect(board.getByTestId('live-indicator')).toHaveText('Live');
    await expect(board.getByTestId('deal-row').filter({ hasText: 'Server farm' })).toBeVisible();
    await expect(board.getByTestId('deal-row').filter({ hasText: 'Laptop refresh' })).toBeVisible();
    expect(connections).toBeGreaterThanOrEqual(3);
  });
});
