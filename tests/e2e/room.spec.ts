import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/index.ts';

/**
 * Issue 4's "done when": the seller and the buyer's Mobilizer build a deal room together, in two browsers,
 * and never lose a word. Screenshots of every screen go to test-results/screenshots/.
 */

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/room-${name}.png`, fullPage: true });
}

/** Opens a section of the room and waits until the room's documents are loaded and synced. */
async function openRoom(page: Page, dealId: string, section = 'map'): Promise<void> {
  await page.goto(`/deals/${dealId}/${section}`);
  await expect(page.locator('[data-room][data-loaded="true"]')).toBeVisible();
  await expect(page.locator('[data-connection]').first()).toHaveAttribute('data-connection', 'synced');
}

/**
 * Pairs of parts of one org chart card (name, title, stance marker, commitment ring, profile and role chips)
 * whose boxes on screen overlap, or that spill out of their card, as "Name: a × b" strings.
 */
async function overlappingCardParts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const card of document.querySelectorAll('svg [data-stakeholder]')) {
      const shape = card.querySelector('.shape')!.getBoundingClientRect();
      const parts = [...card.querySelectorAll('[data-part]')]
        .filter((part) => part.getAttribute('data-part') !== 'editor')
        .map((part) => ({ name: part.getAttribute('data-part')!, box: part.getBoundingClientRect() }));
      const who = card.getAttribute('data-name');
      for (const part of parts) {
        const { box } = part;
        if (box.left < shape.left || box.right > shape.right + 0.5 || box.top < shape.top || box.bottom > shape.bottom)
          found.push(`${who}: ${part.name} outside the card`);
      }
      for (const [i, a] of parts.entries())
        for (const b of parts.slice(i + 1)) {
          const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (x > 0.5 && y > 0.5) found.push(`${who}: ${a.name} × ${b.name}`);
        }
    }
    return found;
  });
}

/** Puts the caret at the start or the end of a field, then types slowly so two people's keys interleave. */
async function typeInto(page: Page, selector: string, text: string, where: 'start' | 'end'): Promise<void> {
  const field = page.locator(selector);
  await field.click();
  await page.keyboard.press(where === 'start' ? 'Control+Home' : 'Control+End');
  await field.pressSequentially(text, { delay: 25 });
}

/** Writes a first sentence into a shared field and waits until the other side has it, so start ≠ end. */
async function seed(writer: Page, reader: Page, selector: string, text: string): Promise<void> {
  await writer.locator(selector).fill(text);
  await expect(reader.locator(selector)).toHaveValue(text);
}

/** Waits until a field shows every one of the given texts. */
async function expectBoth(page: Page, selector: string, parts: string[]): Promise<void> {
  await expect
    .poll(async () => {
      const value = await page.locator(selector).inputValue();
      return parts.every((part) => value.includes(part));
    })
    .toBe(true);
}

test.describe('deal room', () => {
  test('seller and Mobilizer edit the same stakeholder, criterion and objection at once and both keep both edits', async ({
    dealPair: { deal, seller, buyer },
  }) => {
    test.setTimeout(120_000);
    await openRoom(seller.page, deal.id, 'map');
    await openRoom(buyer.page, deal.id, 'map');
    await shot(seller.page, '01-map-empty');

    // Presence: each sees the other in the room.
    await expect(seller.page.locator('[data-presence="Mia Mobilizer"]')).toBeVisible();
    await expect(buyer.page.locator('[data-presence="Sam Seller"]')).toBeVisible();

    // A stakeholder, added by the seller, appears on the Mobilizer's map.
    await seller.page.getByRole('button', { name: 'Add the first stakeholder' }).click();
    const sellerName = seller.page.locator('[data-panel] [data-field$=":name"]');
    await expect(sellerName).toBeFocused();
    await sellerName.fill('Dana Ortiz');
    await seller.page.getByLabel('Title').fill('Chief Financial Officer');
    const card = buyer.page.locator('[data-name="Dana Ortiz"]');
    await expect(card).toBeVisible();
    const stakeholderId = await card.getAttribute('data-stakeholder');
    await card.click();

    // Both type into her priorities at the same time: the seller at the start, the Mobilizer at the end.
    const priorities = `[data-field="${stakeholderId}:priorities"]`;
    await seed(seller.page, buyer.page, priorities, 'Measured on cash.');
    await Promise.all([
      typeInto(seller.page, priorities, 'Cash flow first. ', 'start'),
      typeInto(buyer.page, priorities, 'Wants a pilot before any commitment.', 'end'),
    ]);
    const both = ['Cash flow first. Measured on cash.Wants a pilot before any commitment.'];
    await expectBoth(seller.page, priorities, both);
    await expectBoth(buyer.page, priorities, both);
    expect(await seller.page.locator(priorities).inputValue()).toBe(await buyer.page.locator(priorities).inputValue());
    // The one typing sees who else is in the field.
    await expect(seller.page.locator('[data-editor="Mia Mobilizer"]').first()).toBeVisible();
    await shot(seller.page, '02-map-stakeholder-coedited');

    // The same criterion: the seller names it, then both write its description at once.
    await seller.page.getByRole('link', { name: 'Criteria', exact: true }).click();
    await buyer.page.getByRole('link', { name: 'Criteria', exact: true }).click();
    await shot(seller.page, '03-criteria-empty');
    await seller.page.getByRole('button', { name: 'Add the first criterion' }).click();
    const criterionName = seller.page.locator('[data-criterion] [data-field$=":name"]').first();
    await expect(criterionName).toBeFocused();
    await criterionName.fill('Total cost over three years');
    const criterionId = (await criterionName.getAttribute('data-field'))?.split(':')[0];
    const row = buyer.page.locator(`[data-criterion="${criterionId}"]`);
    await expect(row.locator('[data-field$=":name"]')).toHaveValue('Total cost over three years');
    await row.getByRole('button', { name: /Details of/ }).click();
    const description = `[data-field="${criterionId}:description"]`;
    await seed(buyer.page, seller.page, description, 'TCO.');
    await Promise.all([
      typeInto(seller.page, description, 'Includes support and the cost of switching. ', 'start'),
      typeInto(buyer.page, description, 'Finance wants it in euros.', 'end'),
    ]);
    for (const page of [seller.page, buyer.page]) {
      await expectBoth(page, description, [
        'Includes support and the cost of switching. ',
        'Finance wants it in euros.',
      ]);
    }
    // Scores and weights reach the other side; the status quo is always a column.
    await expect(seller.page.locator('thead').getByText('Status quo', { exact: true })).toBeVisible();
    await seller.page
      .getByLabel(/^Score of Do nothing/)
      .first()
      .selectOption('4');
    await expect(buyer.page.getByLabel(/^Score of Do nothing/).first()).toHaveValue('4');
    await buyer.page.getByLabel(/^Weight of Total cost/).fill('80');
    await buyer.page.getByLabel(/^Weight of Total cost/).press('Tab');
    await expect(seller.page.getByLabel(/^Weight of Total cost/)).toHaveValue('80');
    await shot(buyer.page, '04-criteria-coedited');

    // The same objection: the Mobilizer raises it, both write the response at once.
    await seller.page.getByRole('link', { name: 'Objections', exact: true }).click();
    await buyer.page.getByRole('link', { name: 'Objections', exact: true }).click();
    await buyer.page.getByRole('button', { name: 'Add the first objection' }).click();
    const objectionTitle = buyer.page.locator('[data-objection] [data-field$=":title"]').first();
    await expect(objectionTitle).toBeFocused();
    await objectionTitle.fill('Our current laptops still work');
    const objection = seller.page.locator('[data-objection]').filter({ hasText: 'Our current laptops still work' });
    await expect(objection).toBeVisible();
    const objectionId = await objection.getAttribute('data-objection');
    await objection.getByRole('button', { name: 'Expand' }).click();
    const response = `[data-field="${objectionId}:response"]`;
    await seed(seller.page, buyer.page, response, '—');
    await Promise.all([
      typeInto(seller.page, response, 'Downtime costs more than new laptops. ', 'start'),
      typeInto(buyer.page, response, 'IT logged 300 hours of repairs last year.', 'end'),
    ]);
    for (const page of [seller.page, buyer.page]) {
      await expectBoth(page, response, [
        'Downtime costs more than new laptops. ',
        'IT logged 300 hours of repairs last year.',
      ]);
    }
    await shot(seller.page, '05-objections-coedited');

    // Undo takes back only one's own words.
    await seller.page.locator(response).focus();
    await seller.page.keyboard.press('Control+z');
    await expect(seller.page.locator(response)).not.toHaveValue(/Downtime costs more/);
    await expect(buyer.page.locator(response)).toHaveValue(/IT logged 300 hours of repairs last year\./);
    await expect(buyer.page.locator(response)).not.toHaveValue(/Downtime costs more/);
    await seller.page.keyboard.press('Control+Shift+z');
    await expect(buyer.page.locator(response)).toHaveValue(/Downtime costs more than new laptops\./);
  });

  test('a verifier ticked by the Mobilizer moves the stage on the seller’s screen', async ({
    dealPair: { deal, seller, buyer },
  }) => {
    await openRoom(seller.page, deal.id, 'map');
    await openRoom(buyer.page, deal.id, 'plan');
    await expect(seller.page.locator('[data-stage]')).toHaveAttribute('data-stage', 'learn');
    await shot(buyer.page, '06-plan');

    const learn = buyer.page.locator('[data-plan-stage="learn"]');
    const boxes = learn.getByRole('checkbox');
    const count = await boxes.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await boxes.nth(i).check();

    await expect(seller.page.locator('[data-stage]')).toHaveAttribute('data-stage', 'understand-need');
    await expect(buyer.page.locator('[data-verified-stage]')).toHaveAttribute('data-verified-stage', 'understand-need');
    await seller.page.getByRole('link', { name: 'Plan', exact: true }).click();
    await expect(seller.page.locator('[data-plan-stage="learn"] [data-done-by]').first()).toContainText(
      'Mia Mobilizer (buyer)',
    );
    await shot(seller.page, '07-plan-verified-by-buyer');
  });

  test('the Mobilizer never receives the seller document: no seller note on the page, no seller room opened', async ({
    dealPair: { deal, seller, buyer },
    newActor,
  }) => {
    const sockets: string[] = [];
    buyer.page.on('websocket', (ws) => sockets.push(ws.url()));

    await openRoom(seller.page, deal.id, 'notes');
    const secret = 'SELLER-ONLY: their budget ceiling is 1.2M';
    const notes = seller.page.locator('[data-field="private:notes"]');
    await notes.click();
    await notes.pressSequentially(secret);
    await shot(seller.page, '08-notes-seller');
    // The note is on the server: the seller, logged in on another device, reads it.
    const otherDevice = await newActor({ signUp: false });
    await otherDevice.api.logIn(seller.account);
    await openRoom(otherDevice.page, deal.id, 'notes');
    await expect(otherDevice.page.locator('[data-field="private:notes"]')).toHaveValue(secret);

    for (const section of ['map', 'criteria', 'objections', 'plan', 'guides', 'notes']) {
      await openRoom(buyer.page, deal.id, section);
      await expect(buyer.page.locator('body')).not.toContainText('SELLER-ONLY');
    }
    await expect(buyer.page.locator('[data-private-side]')).toHaveAttribute('data-private-side', 'buyer');
    await expect(buyer.page.getByText('Private to the buyer side.')).toBeVisible();
    await expect(buyer.page.getByText('Blocker plans')).toHaveCount(0);
    await shot(buyer.page, '09-notes-buyer');

    expect(sockets.length).toBeGreaterThan(0);
    expect(sockets.some((url) => url.endsWith(`/sync/${deal.id}`))).toBe(true);
    expect(sockets.some((url) => url.endsWith(`/sync/${deal.id}/buyer`))).toBe(true);
    expect(sockets.filter((url) => url.includes('/seller'))).toEqual([]);
    const html = await buyer.page.content();
    expect(html).not.toContain('SELLER-ONLY');
  });

  test('an edit made offline appears for the other side after reconnecting', async ({
    dealPair: { deal, seller, buyer },
  }) => {
    await openRoom(seller.page, deal.id, 'objections');
    await openRoom(buyer.page, deal.id, 'objections');

    await buyer.context.setOffline(true);
    await expect(buyer.page.locator('[data-connection]').first()).toHaveAttribute('data-connection', 'offline');
    await expect(buyer.page.locator('[data-connection]').first()).toContainText(
      'Offline — changes kept on this device',
    );
    await buyer.page.getByRole('button', { name: 'Add the first objection' }).click();
    await buyer.page.locator('[data-objection] [data-field$=":title"]').first().fill('Procurement needs three quotes');
    await shot(buyer.page, '10-offline-edit');
    // Nothing reached the seller while the Mobilizer was offline.
    await expect(seller.page.locator('[data-objection]')).toHaveCount(0);

    await buyer.context.setOffline(false);
    await expect(buyer.page.locator('[data-connection]').first()).toHaveAttribute('data-connection', 'synced');
    await expect(
      seller.page.locator('[data-objection]').filter({ hasText: 'Procurement needs three quotes' }),
    ).toBeVisible();
    await shot(seller.page, '11-offline-edit-arrived');
  });

  test('an edit made offline survives closing the page and reaches the other side when the room opens again', async ({
    dealPair: { deal, seller, buyer },
  }) => {
    await openRoom(seller.page, deal.id, 'objections');
    await openRoom(buyer.page, deal.id, 'objections');
    await buyer.context.setOffline(true);
    await expect(buyer.page.locator('[data-connection]').first()).toHaveAttribute('data-connection', 'offline');
    // Updates this device keeps for the shared room in IndexedDB (y-indexeddb's "updates" store).
    const stored = () =>
      buyer.page.evaluate(async (dealId) => {
        const room = (window as unknown as { __quorumRoom: { session: { user: { id: string } } } }).__quorumRoom;
        const name = `quorum:${room.session.user.id}:${dealId}`;
        return new Promise<number>((done, fail) => {
          const open = indexedDB.open(name);
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const count = db.transaction('updates').objectStore('updates').count();
            count.onsuccess = () => {
              db.close();
              done(count.result);
            };
          };
        });
      }, deal.id);
    const before = await stored();
    await buyer.page.getByRole('button', { name: 'Add the first objection' }).click();
    await buyer.page
      .locator('[data-objection] [data-field$=":title"]')
      .first()
      .fill('Legal must review the data terms');
    // Wait until the edit is on this device, then close the tab while still offline.
    await expect.poll(stored).toBeGreaterThan(before);
    await buyer.page.close();
    await expect(seller.page.locator('[data-objection]')).toHaveCount(0);

    // Back online, the Mobilizer opens the room again: the kept edit merges and reaches the seller.
    await buyer.context.setOffline(false);
    const again = await buyer.context.newPage();
    await openRoom(again, deal.id, 'objections');
    await expect(
      seller.page.locator('[data-objection]').filter({ hasText: 'Legal must review the data terms' }),
    ).toBeVisible();
  });

  test('a manager sees the room read-only and cannot change anything', async ({ newActor }) => {
    // A manager's organization: a seller colleague (a member) runs a deal the manager is not on.
    const manager = await newActor({ name: 'Morgan Manager', organization: 'Acme Devices' });
    const first = await manager.api.createDeal({ title: 'Manager’s own deal', buyer: 'Contoso' });
    const seller = await newActor({ name: 'Sam Seller' });
    const invite = await manager.api.createInvite(first.id, { email: seller.account.email, role: 'seller' });
    await seller.api.acceptInvite(invite.token);
    const deal = await seller.api.createDeal({ title: 'Laptop refresh', buyer: 'Northwind Traders' });

    await openRoom(seller.page, deal.id, 'map');
    await seller.page.getByRole('button', { name: 'Add the first stakeholder' }).click();
    await seller.page.locator('[data-panel] [data-field$=":name"]').fill('Dana Ortiz');

    await openRoom(manager.page, deal.id, 'map');
    await expect(manager.page.locator('[data-readonly]')).toBeVisible();
    await expect(manager.page.getByRole('button', { name: /Add (the first )?stakeholder/ })).toHaveCount(0);
    await manager.page.locator('[data-name="Dana Ortiz"]').click();
    const name = manager.page.locator('[data-panel] [data-field$=":name"]');
    await expect(name).toHaveAttribute('readonly', '');
    await name.pressSequentially('XYZ');
    await expect(name).toHaveValue('Dana Ortiz');
    await expect(manager.page.locator('[data-panel]').getByLabel('Profile')).toBeDisabled();
    await expect(manager.page.getByRole('button', { name: /Remove .* from the map/ })).toHaveCount(0);
    await shot(manager.page, '12-manager-read-only');

    // Even a write forced past the UI is refused by the server: the seller never sees it.
    await manager.page.evaluate(() => {
      const room = (window as unknown as { __quorumRoom: { session: { shared: import('yjs').Doc } } }).__quorumRoom;
      room.session.shared.getMap('meta').set('title', 'Hacked by a manager');
    });
    await manager.page.reload();
    await expect(manager.page.locator('[data-room][data-loaded="true"]')).toBeVisible();
    await expect(seller.page.locator('[data-deal-title]')).toHaveText('Laptop refresh');

    for (const section of ['criteria', 'objections', 'plan', 'notes']) {
      await openRoom(manager.page, deal.id, section);
      await expect(manager.page.getByRole('button', { name: /^Add / })).toHaveCount(0);
      if (section === 'plan') await expect(manager.page.getByRole('checkbox').first()).toBeDisabled();
      if (section === 'notes')
        await expect(manager.page.locator('[data-field="private:notes"]')).toHaveAttribute('readonly', '');
    }
  });

  test('the sample deal room reads at a glance on every screen', async ({ seller }) => {
    const deal = await seller.api.createSampleDeal();
    const page = seller.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    await openRoom(page, deal.id, 'map');
    const cards = page.locator('svg [data-stakeholder]');
    await expect.poll(() => cards.count()).toBeGreaterThan(3);
    await expect(page.locator('[data-relationship]').first()).toBeVisible();
    expect(await overlappingCardParts(page)).toEqual([]);
    await shot(page, '13-sample-map');
    await cards.first().click();
    await expect(page.locator('[data-panel]')).toBeVisible();
    await shot(page, '14-sample-map-panel');

    await page.getByRole('radio', { name: 'Influence × stance' }).click();
    await expect(page.getByRole('table', { name: /influence and stance/ })).toBeVisible();
    await shot(page, '15-sample-influence-grid');
    for (const [section, name] of [
      ['criteria', '16-sample-criteria'],
      ['objections', '17-sample-objections'],
      ['plan', '18-sample-plan'],
      ['notes', '19-sample-notes'],
    ] as const) {
      await page.getByRole('link', { name: section[0]!.toUpperCase() + section.slice(1), exact: true }).click();
      await expect(page.locator('[data-room][data-loaded="true"]')).toBeVisible();
      await shot(page, name);
    }
    await page.getByRole('button', { name: /risks/ }).click();
    await expect(page.getByRole('region', { name: 'Top risks' })).toBeVisible();
    await shot(page, '20-sample-risks');

    // The smallest card with the longest labels still fits: a long name, a Go-Getter, a Gatekeeper.
    await page.getByRole('link', { name: 'Map', exact: true }).click();
    await page.locator('svg [data-name="Petra Novak"]').click();
    const panel = page.locator('[data-panel]');
    const longName = 'Maximilian Alexander von Hohenberg-Wittelsbach';
    await panel.locator('[data-field$=":name"]').fill(longName);
    await panel.getByLabel('Buying role').selectOption('gatekeeper');
    await panel.getByLabel('Profile').selectOption('go-getter');
    await panel.getByRole('group', { name: 'Influence on the decision' }).getByText('1', { exact: true }).click();
    const edited = page.locator(`svg [data-name="${longName}"]`);
    await expect(edited.locator('[data-part="role"]')).toHaveText('Gatekeeper');
    await expect(edited.locator('[data-part="name"]')).toContainText('…');
    await expect(edited).toHaveAccessibleName(/influence 1 of 5/);
    expect(await overlappingCardParts(page)).toEqual([]);
    await shot(page, '21-sample-map-long-name');
  });
});
