import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/index.ts';

/**
 * The accessibility check of issue 16: axe-core on every screen, at phone and desktop width, in the light and the
 * dark theme (the app follows `prefers-color-scheme`), with no serious or critical violation.
 */

const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;
const themes = ['light', 'dark'] as const;
const roomSections = ['map', 'criteria', 'objections', 'plan', 'group', 'coaching', 'guides', 'notes'];

interface Screen {
  name: string;
  path: string;
  /** Whose page opens it: the signed-in seller, or a visitor with no session. */
  as: 'seller' | 'visitor';
  /** Shown once the screen has rendered. */
  ready: string;
  /** Opens what the screen is about once the page is ready (a dialog). */
  open?: (page: Page) => Promise<void>;
}

/** The serious and critical violations on the page as it is now, one line each (rule, target, summary). */
async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (node) =>
          `${screen}: ${v.id} (${v.impact}) at ${node.target.join(' ')}: ${node.failureSummary?.split('\n')[1]?.trim() ?? v.help}`,
      ),
    );
}

for (const viewport of viewports) {
  for (const theme of themes) {
    test(`every screen passes axe at ${viewport.name} width in the ${theme} theme`, async ({
      seller,
      page,
    }, testInfo) => {
      test.setTimeout(240_000);
      const deal = await seller.api.createSampleDeal();
      const invite = await seller.api.createInvite(deal.id, { email: `invitee-${Date.now()}@example.com` });

      for (const p of [seller.page, page]) {
        await p.setViewportSize(viewport);
        await p.emulateMedia({ colorScheme: theme });
      }

      // A stakeholder of the sample deal, for the guide editor and the public guide page with its voice form.
      await seller.page.goto(`/deals/${deal.id}/guides`);
      const firstGuide = seller.page.locator('nav[aria-label="Guides"] a[href^="?s="]').first();
      const stakeholderId = new URL(`http://x/${(await firstGuide.getAttribute('href')) ?? ''}`).searchParams.get('s');
      const link = await seller.api.call('POST', `/api/deals/${deal.id}/guides/${stakeholderId}/links`, {});
      expect(link.ok()).toBe(true);
      const guideUrl = new URL(((await link.json()) as { url: string }).url).pathname;

      const screens: Screen[] = [
        { name: 'landing', path: '/', as: 'visitor', ready: 'h1' },
        { name: 'sign-up', path: '/signup', as: 'visitor', ready: 'form' },
        { name: 'login', path: '/login', as: 'visitor', ready: 'form' },
        { name: 'invite', path: `/invite/${invite.token}`, as: 'visitor', ready: '[data-invite-view]' },
        { name: 'guide page and voice form', path: guideUrl, as: 'visitor', ready: 'form[method="post"]' },
        { name: 'deals', path: '/deals', as: 'seller', ready: 'h1' },
        ...roomSections.map((section) => ({
          name: `room ${section}`,
          path: `/deals/${deal.id}/${section}`,
          as: 'seller' as const,
          ready: '[data-room][data-loaded="true"]',
        })),
        {
          name: 'guide editor',
          path: `/deals/${deal.id}/guides?s=${stakeholderId}`,
          as: 'seller',
          ready: '[data-room][data-loaded="true"]',
        },
        {
          name: 'share dialog',
          path: `/deals/${deal.id}/map`,
          as: 'seller',
          ready: '[data-room][data-loaded="true"]',
          open: async (p) => {
            await p.getByRole('button', { name: 'Share', exact: true }).click();
            await expect(p.getByRole('dialog')).toBeVisible();
          },
        },
        { name: 'dashboard', path: '/dashboard', as: 'seller', ready: 'h1' },
        { name: 'account', path: '/account', as: 'seller', ready: 'h1' },
        { name: 'webhooks settings', path: '/settings/webhooks', as: 'seller', ready: 'h1' },
      ];

      const found: string[] = [];
      for (const screen of screens) {
        const p = screen.as === 'seller' ? seller.page : page;
        await p.goto(screen.path);
        await expect(p.locator(screen.ready).first()).toBeVisible();
        await screen.open?.(p);
        found.push(...(await seriousViolations(p, screen.name)));
        await p.screenshot({
          path: testInfo.outputPath(`${viewport.name}-${theme}-${screen.name.replace(/\s+/g, '-')}.png`),
          fullPage: true,
        });
      }
      expect(found, found.join('\n')).toEqual([]);
    });
  }
}
