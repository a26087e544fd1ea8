import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { z } from 'zod';

const axeScript = fileURLToPath(new URL('../../../../node_modules/axe-core/axe.min.js', import.meta.url));

/** Where the tests keep the screenshots of the docs (docs/screenshots/). */
export const screenshotsDir = fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url));

/** The axe-core rules' serious and critical violations on the page as it is now (rule id and the first offending element). */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axeScript });
  const found: unknown = await page.evaluate(async () => {
    const axe: unknown = Reflect.get(window, 'axe');
    const run: unknown = typeof axe === 'object' && axe !== null ? Reflect.get(axe, 'run') : undefined;
    if (typeof run !== 'function') return ['axe-core did not load'];
    const results: unknown = await Reflect.apply(run, axe, [document, { resultTypes: ['violations'] }]);
    const violations: unknown = typeof results === 'object' && results !== null ? Reflect.get(results, 'violations') : [];
    return (Array.isArray(violations) ? violations : [])
      .filter((violation: { impact?: string }) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation: { id: string; nodes: { target: unknown }[] }) => `${violation.id}: ${JSON.stringify(violation.nodes[0]?.target)}`);
  });
  return z.array(z.string()).parse(found);
}
