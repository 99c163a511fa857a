import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request as playwrightRequest } from '@playwright/test';
import { expect, fakeClientIp, screenshot, test } from './fixtures/index.ts';

/**
 * Issue 15's "done when", through the UI: a token made in the account page drives the API from a script (and stops
 * the moment it is revoked); a CSV with a mistake is refused naming its row and column, a correct one fills the map;
 * a manager's webhook reaches a receiver this test starts, signed, and the delivery log shows the answer.
 */
test.describe('integration', () => {
  test('an API token: created in the account page and shown once, exports a deal by Bearer, refused once revoked', async ({
    seller,
    baseURL,
  }, testInfo) => {
    const deal = await seller.api.createDeal({ title: 'Fleet renewal', buyer: 'Nordwind' });
    const page = seller.page;
    await page.goto('/deals');
    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('link', { name: 'Account, mail and API tokens' }).click();
    await expect(page.getByRole('heading', { name: 'API tokens' })).toBeVisible();

    await page.getByLabel('Token name').fill('CRM sync');
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByTestId('new-token');
    await expect(shown).toHaveText(/\S{20,}/);
    const token = (await shown.textContent())!.trim();
    const row = page.getByRole('listitem').filter({ hasText: 'CRM sync' });
    await expect(row).toBeVisible();
    await screenshot(page, testInfo, '01-token-created');

    // Shown once: after a reload the token is listed, its secret nowhere on the page.
    await page.reload();
    await expect(row).toBeVisible();
    await expect(page.getByTestId('new-token')).toHaveCount(0);
    expect(await page.content()).not.toContain(token);

    // A script with no cookies, only the token.
    const script = await playwrightRequest.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${token}`, 'x-forwarded-for': fakeClientIp() },
    });
    try {
      const exported = await script.get(`/api/deals/${deal.id}/export`);
      expect(exported.status()).toBe(200);
      const body = await exported.json();
      expect(body.deal).toMatchObject({ title: 'Fleet renewal', buyer: 'Nordwind' });
      expect(body.shared).toBeTruthy();

      await row.getByRole('button', { name: 'Revoke' }).click();
      await expect(row).toHaveCount(0);
      const refused = await script.get(`/api/deals/${deal.id}/export`);
      expect(refused.status()).toBe(401);
    } finally {
      await script.dispose();
    }
  });

  test('a CSV of stakeholders with a mistake is refused naming its row and column; a correct one fills the map', async ({
    seller,
  }, testInfo) => {
    const deal = await seller.api.createDeal({ title: 'Printers', buyer: 'Initech' });
    const page = seller.page;
    await page.goto(`/deals/${deal.id}/notes`);
    const input = page.getByLabel('Import stakeholders from CSV');
    const header = 'name,title,department,email,role';
    const upload = (lines: string[]) =>
      input.setInputFiles({
        name: 'stakeholders.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from([header, ...lines].join('\n')),
      });

    await upload([
      'Nia North,Controller,Finance,nia@initech.example,approver',
      'Oskar Ost,Driver,Ops,not-an-email,user',
    ]);
    const problems = page.getByRole('table').filter({ hasText: 'Problem' });
    const problem = problems.getByRole('row').filter({ hasText: 'email' });
    await expect(problem).toHaveCount(1);
    await expect(problem.getByRole('cell').nth(0)).toHaveText('3');
    await expect(problem.getByRole('cell').nth(1)).toHaveText('email');
    await screenshot(page, testInfo, '02-import-refused');
    // All or nothing: Nia's good row was not added either.
    const names = async () => {
      const exported = await seller.context.request.get(`/api/deals/${deal.id}/export`);
      expect(exported.status()).toBe(200);
      const shared = (await exported.json()).shared as { stakeholders: Record<string, { name: string }> };
      return Object.values(shared.stakeholders).map((s) => s.name);
    };
    expect(await names()).not.toContain('Nia North');

    await upload([
      'Nia North,Controller,Finance,nia@initech.example,approver',
      'Oskar Ost,Driver,Ops,oskar@initech.example,user',
    ]);
    await expect(page.getByText('Imported: 2 added, 0 updated.')).toBeVisible();
    await expect(problems).toHaveCount(0);
    expect(await names()).toEqual(expect.arrayContaining(['Nia North', 'Oskar Ost']));

    // And they are on the map.
    await page.goto(`/deals/${deal.id}/map`);
    await expect(page.locator('svg [data-name="Nia North"]')).toBeVisible();
    await expect(page.locator('svg [data-name="Oskar Ost"]')).toBeVisible();
  });

  test('a manager adds a webhook in settings, test-sends it to a receiver, and the delivery log shows the answer', async ({
    seller,
  }, testInfo) => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    const receiver: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks from the receiver');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/quorum`;
    try {
      const page = seller.page;
      await page.goto('/deals');
      await page.getByRole('button', { name: /account menu/ }).click();
      await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
      await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();

      await page.getByLabel('URL').fill(url);
      await page.getByRole('button', { name: 'Add endpoint' }).click();
      const secret = (await page.locator('code.secret').textContent())!.trim();
      expect(secret.length).toBeGreaterThan(16);
      const endpoint = page.getByRole('listitem').filter({ hasText: url });
      await endpoint.getByRole('button', { name: 'Send a test' }).click();

      await expect.poll(() => received.length).toBe(1);
      const [delivery] = received;
      // Signed with the endpoint's secret over `t.body`, as the receiver's check in the server README verifies.
      const signature = String(delivery!.headers['quorum-signature']);
      const t = /t=(\d+)/.exec(signature)?.[1];
      const v1 = /v1=([0-9a-f]{64})/.exec(signature)?.[1];
      expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${delivery!.body}`).digest('hex'));
      expect(createHmac('sha256', 'another secret').update(`${t}.${delivery!.body}`).digest('hex')).not.toBe(v1);

      // The log shows the receiver's answer (the page looks again after a moment; reopening it looks at once).
      const log = endpoint.getByRole('table');
      await expect
        .poll(async () => {
          await endpoint.getByRole('button', { name: 'Delivery log' }).click();
          return (await log.count()) > 0 ? await log.innerText() : '';
        })
        .toContain('HTTP 200');
      await expect(log).toContainText('thanks from the receiver');
      await expect(log).toContainText('delivered');
      await screenshot(page, testInfo, '03-webhook-delivered');
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  test('the account page links a manager to the webhooks settings', async ({ seller }) => {
    await seller.page.goto('/account');
    await seller.page.getByRole('link', { name: 'Webhooks settings' }).click();
    await expect(seller.page).toHaveURL(/\/settings\/webhooks$/);
    await expect(seller.page.getByRole('button', { name: 'Add endpoint' })).toBeVisible();
  });
});
