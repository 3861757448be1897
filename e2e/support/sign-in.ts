import type { Page } from 'playwright-core';

/** Signs in through the portal's landing page and the provider's real login form. */
export async function signIn(page: Page, portalUrl: string, login: string, path = '/'): Promise<void> {
  await page.goto(portalUrl + path);
  await page.getByTestId('sign-in').click();
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(login);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.origin === new URL(portalUrl).origin);
  await page.getByTestId('user-menu').waitFor();
}
