// Addresses and context in a real Chromium against the real portal (docs/adr/0006-addresses.md): in-remote
// navigation writes the history, Back/Forward/Reload and shared links land on the same page and context,
// every role gets the units it may work on, and what a role may not use is refused before anything loads.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { signIn } from './support/sign-in.js';

const portalUrl = inject('portalUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function as(login: string, path = '/'): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, portalUrl, login, path);
  return page;
}

const address = (page: Page) => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
};

/** The labs listed in the unit picker (opened, then closed again with Escape). */
async function pickerLabs(page: Page): Promise<string[]> {
  await page.getByTestId('context-unit').click();
  const options = page.locator('[data-testid^="unit-option-"]');
  await options.first().waitFor();
  const labs = await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('unit-option-', '')));
  await page.keyboard.press('Escape');
  return labs;
}

describe('addresses', () => {
  it('when a principal clicks inside a remote, then the address changes; Back and Forward stay in the portal; a reload keeps page and context', async () => {
    const page = await as('principal');
    await page.getByTestId('nav-inventory').click();
    await page.getByTestId('inventory-page').waitFor();
    expect(address(page)).toBe('/inventory?unit=LAB-CARBON&year=2025');

    await page.getByTestId('inventory-module-equipment').getByRole('link').click();
    await page.getByTestId('module-page').waitFor();
    expect(address(page)).toBe('/inventory/modules/equipment?unit=LAB-CARBON&year=2025');

    await page.goBack();
    await page.getByTestId('inventory-page').waitFor();
    expect(address(page)).toBe('/inventory?unit=LAB-CARBON&year=2025');
    await page.goForward();
    await page.getByTestId('module-page').waitFor();
    expect(address(page)).toBe('/inventory/modules/equipment?unit=LAB-CARBON&year=2025');

    await page.getByTestId('context-year').selectOption('2024');
    await expect.poll(() => address(page)).toBe('/inventory/modules/equipment?unit=LAB-CARBON&year=2024');
    await page.reload();
    await page.getByTestId('module-page').waitFor();
    await expect(page.getByTestId('context-year').inputValue()).resolves.toBe('2024');
    expect(await page.getByTestId('module-scope').innerText()).toContain('2024');

    await page.goBack(); // the year change was its own history entry
    await expect.poll(() => address(page)).toBe('/inventory/modules/equipment?unit=LAB-CARBON&year=2025');
    await page.context().close();
  });

  it('when someone opens a shared deep link, then they land on that page and context after signing in', async () => {
    const page = await as('principal', '/inventory/modules/buildings?unit=LAB-CARBON&year=2024');
    await page.getByTestId('module-page').waitFor();
    expect(address(page)).toBe('/inventory/modules/buildings?unit=LAB-CARBON&year=2024');
    await expect(page.getByTestId('context-year').inputValue()).resolves.toBe('2024');
    await page.context().close();
  });
});

describe('context for every role', () => {
  it('when a reporter opens the dashboard, then the picker offers the labs of their faculty only, and picking one changes the address', async () => {
    const page = await as('reporter');
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-page').waitFor();
    const labs = await pickerLabs(page);
    expect(labs.sort()).toEqual(['LAB-CARBON', 'LAB-ICE', 'LAB-SOIL']);

    await page.getByTestId('context-unit').fill('soil');
    await page.getByTestId('unit-option-LAB-SOIL').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe('LAB-SOIL');
    await expect(page.getByTestId('context-picker').innerText()).resolves.toContain('LAB-SOIL');
    await page.context().close();
  });

  it('when an admin opens the dashboard, then every lab of every faculty is offered, by name and code', async () => {
    const page = await as('admin', '/dashboard');
    await page.getByTestId('dashboard-page').waitFor();
    const labs = await pickerLabs(page);
    expect(labs.sort()).toEqual(['LAB-CARBON', 'LAB-CATAL', 'LAB-ICE', 'LAB-SOIL', 'LAB-SPECTRO']);
    await page.getByTestId('context-unit').fill('spectro');
    await page.getByTestId('unit-option-LAB-SPECTRO').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe('LAB-SPECTRO');
    await page.context().close();
  });

  it('when a member types /backoffice or /dashboard, then the role page, and no remote code is loaded for it', async () => {
    const page = await as('member');
    const remoteFiles: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/remotes/backoffice/') || r.url().includes('/remotes/dashboard/')) remoteFiles.push(r.url());
    });
    for (const path of ['/backoffice', '/dashboard']) {
      await page.goto(portalUrl + path);
      await page.getByTestId('role-page').waitFor();
    }
    expect(await page.getByTestId('role-page').innerText()).toContain('not available for your role');
    expect(remoteFiles).toEqual([]);
    await expect(page.getByTestId('nav-backoffice').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('when a link names a unit the user may not open, then the shell says so', async () => {
    const page = await as('principal', '/inventory?unit=LAB-SPECTRO&year=2025');
    await page.getByTestId('context-unavailable').waitFor();
    expect(await page.getByTestId('context-unavailable').innerText()).toContain('LAB-SPECTRO');
    await page.context().close();
  });

  it('when a path is unknown inside an area, then that area’s localized page-not-found links back to the area', async () => {
    const page = await as('admin', '/backoffice/audit-that-does-not-exist');
    await page.getByTestId('ui-not-found').waitFor();
    await page.getByTestId('lang-fr').click();
    await expect.poll(() => page.getByTestId('ui-not-found').innerText()).toContain('Page introuvable');
    await page.getByTestId('ui-not-found-back').click();
    await page.getByTestId('backoffice-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/backoffice');
    await page.context().close();

    const principal = await as('principal', '/travel/xyz');
    await principal.getByTestId('ui-not-found').waitFor();
    await principal.goto(`${portalUrl}/inventory/modules/nope`);
    await principal.getByTestId('ui-not-found').waitFor();
    await principal.context().close();
  });

  it('when a path is unknown to the portal, then its page-not-found links home', async () => {
    const page = await as('principal', '/nowhere');
    await page.getByTestId('not-found').waitFor();
    await page.getByTestId('not-found-home').click();
    await page.getByTestId('home').waitFor();
    await page.context().close();
  });
});

describe('keyboard', () => {
  it('when a reporter uses only the keyboard, then the header, the unit picker and the account menu work, with a visible focus', async () => {
    const page = await as('reporter', '/dashboard');
    await page.getByTestId('dashboard-page').waitFor();
    await page.keyboard.press('Tab'); // the skip link comes first
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toContain('shell-skip');
    const focusedOutline = () => page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);

    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'context-unit')) break;
    }
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('context-unit');
    await page.keyboard.type('ice');
    await page.getByTestId('unit-option-LAB-ICE').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe('LAB-ICE');

    await page.getByTestId('user-menu').focus();
    expect(await focusedOutline()).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByTestId('sign-out').waitFor();
    await page.keyboard.press('Escape');
    await page.context().close();
  });
});

describe('signed out', () => {
  it('when a visitor opens the landing page, then it reaches network idle', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(portalUrl + '/', { waitUntil: 'networkidle', timeout: 15_000 });
    await page.getByTestId('sign-in').waitFor();
    await context.close();
  });
});
