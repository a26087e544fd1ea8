import type { Locator, Page } from 'playwright-core';

/**
 * Picks an option of one of the editor's searchable pickers (ui/combobox: attributes,
 * dialogs) with the keyboard: a click opens it, the query is typed into its search box,
 * the arrow keys move to the option named `option` and Enter chooses it. The keyboard keeps
 * working when the picker's list has moved out of the viewport (the settings panel's
 * content can shift under an open picker). Resolves once the picker has closed.
 */
export async function pickOption(page: Page, trigger: Locator, search: { label: string; query: string }, option: string | RegExp): Promise<void> {
  await trigger.click();
  const box = page.getByLabel(search.label, { exact: true });
  await box.fill(search.query);
  const wanted = page.getByRole('option', { name: option, exact: typeof option === 'string' });
  await wanted.waitFor({ state: 'attached' });
  const count = await page.getByRole('option').count();
  for (let step = 0; step <= count && (await wanted.getAttribute('aria-selected')) !== 'true'; step += 1) await box.press('ArrowDown');
  if ((await wanted.getAttribute('aria-selected')) !== 'true') throw new Error(`${String(wanted)} could not be reached with the arrow keys`);
  await box.press('Enter');
  await box.waitFor({ state: 'detached' });
}
