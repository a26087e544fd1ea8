import { randomUUID } from 'node:crypto';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { accessibilityProblems, screenshotsDir } from '../../testing/accessibility-problems';
import { startEditorStack, visit, whenHydrated, type EditorStack } from '../../testing/editor-stack';

/**
 * The Components library in a real browser against the real API: a component is created,
 * given an input and an output (Attributes, Role column), edited (a User response saving
 * to the output, then Component return), published; a bot then uses it with the Component
 * element, maps its attributes, and its Problems show no error. Screenshots of the list
 * and the component editor go to docs/screenshots/ (axe-checked).
 */

const run = randomUUID().slice(0, 8);
const owner = { name: 'Cora Components', email: `components-${run}@parley.test`, password: 'correct horse battery' };

let stack: EditorStack | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  stack = await startEditorStack({
    databaseUrl: inject('editorDatabaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}_components`,
  });
  context = await stack.newContext();
  await stack.signUp(context, owner);
}, 300_000);

afterAll(async () => {
  await context?.close();
  await stack?.stop();
});

function ready(): { stack: EditorStack; context: BrowserContext } {
  if (!stack || !context) throw new Error('the stack did not start');
  return { stack, context };
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${screenshotsDir}${name}.png` });
  expect.soft(await accessibilityProblems(page), `axe on ${name}`).toEqual([]);
}

/** Declares an attribute in the open editor's Attributes dialog, with a role when the dialog shows roles. */
async function declareAttribute(page: Page, name: string, role?: 'Input' | 'Output' | 'Working'): Promise<void> {
  const dialog = page.getByTestId('attributes-dialog');
  await dialog.getByRole('button', { name: 'Add attribute' }).click();
  const form = page.getByRole('dialog', { name: 'Add attribute' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByRole('button', { name: 'Add attribute' }).click();
  await dialog.locator(`[data-attribute="${name}"]`).waitFor();
  if (role) await dialog.getByRole('combobox', { name: `Role of ${name}` }).selectOption({ label: role });
}

/** Drags from a node's output port onto another node (an edge). */
async function connect(page: Page, from: Locator, to: Locator): Promise<void> {
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  if (!start || !end) throw new Error('ports not visible');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
  await page.mouse.up();
}

async function pickOption(page: Page, combobox: Locator, option: string): Promise<void> {
  await combobox.click();
  await page.getByRole('option', { name: new RegExp(`^${option}`) }).first().click();
}

async function problemsButton(page: Page): Promise<Locator> {
  const button = page.getByRole('button', { name: /^Problems: / });
  await button.waitFor();
  return button;
}

describe('components', () => {
  it('creates "Ask email", declares an input and an output, edits and publishes it', async () => {
    const { context } = ready();
    const page = await context.newPage();
    await visit(page, '/components');
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toContain('Components');
    await page.getByRole('button', { name: 'New component' }).click();
    await page.getByLabel('Name').fill('Ask email');
    await page.getByLabel('Description (optional)').fill('Asks for an email address and returns it');
    await page.getByRole('button', { name: 'Create component' }).click();
    await page.waitForURL(/\/components\/[^/]+$/);
    await whenHydrated(page);
    await expect.poll(() => page.getByTestId('published-version').textContent()).toBe('Never published');

    await page.getByRole('button', { name: 'Attributes' }).click();
    await declareAttribute(page, 'firstName', 'Input');
    await declareAttribute(page, 'email', 'Output');
    const roles = page.getByTestId('attributes-dialog').getByTestId('attribute-role');
    await expect.poll(() => roles.evaluateAll((selects) => selects.map((select) => (select instanceof HTMLSelectElement ? select.value : '')))).toEqual(['input', 'output']);
    await page.keyboard.press('Escape');

    // A User response saving to the output, started first, then the Component return.
    await page.getByRole('button', { name: 'Add User response' }).click();
    const response = page.locator('[data-testid^="node-user-response-"]');
    await response.waitFor();
    await pickOption(page, page.getByRole('combobox', { name: 'Save answer as' }), 'email');
    await response.click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Set as start element' }).click();
    const responseId = z.string().parse((await response.getAttribute('data-testid'))?.replace(/^node-/, ''));
    await connect(page, page.getByTestId(`handle-${responseId}-next`), page.getByTestId('handle-return-in'));
    await page.locator(`.react-flow__edge`).first().waitFor();
    await page.getByTestId(`node-${responseId}`).click();
    await page.keyboard.press('Shift+L');
    await expect.poll(async () => (await problemsButton(page)).getAttribute('aria-label')).toMatch(/^Problems: 0 errors/);
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toMatch(/^All changes saved/);
    await screenshot(page, 'component-editor');

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => page.getByTestId('published-version').textContent()).toBe('Published: v1');
    await page.getByRole('button', { name: 'Versions' }).click();
    await expect.poll(() => page.getByTestId('versions-table').getByRole('rowheader').allTextContents()).toEqual(['v1']);
    await page.keyboard.press('Escape');

    await visit(page, '/components');
    const row = page.getByTestId('components-table').getByRole('row', { name: /Ask email/ });
    await expect.poll(() => row.textContent()).toContain('Version 1');
    await screenshot(page, 'components');
    await page.close();
  }, 180_000);

  it('uses "Ask email" in a bot: pick it, map attributes, and Problems show no error', async () => {
    const { stack, context } = ready();
    const created = z.object({ id: z.string() }).parse(
      await stack.trpc(context, 'bots.create', {
        name: 'Newsletter',
        draft: {
          version: 1,
          attributes: [
            { name: 'name', type: 'text', scope: 'session' },
            { name: 'contact', type: 'text', scope: 'session' },
          ],
          entryDialogId: 'main',
          dialogs: [{ id: 'main', name: 'Main', startElementId: 'hello', elements: [{ id: 'hello', type: 'send-message', text: 'Hello!' }], edges: [] }],
        },
      }),
    );
    const page = await context.newPage();
    await visit(page, `/bots/${created.id}`);
    await page.getByTestId('node-hello').click();
    await page.getByRole('button', { name: 'Add Component', exact: true }).click();
    const element = page.locator('[data-testid^="node-component-"]');
    await element.waitFor();
    await pickOption(page, page.getByRole('combobox', { name: 'Component', exact: true }), 'Ask email');
    const settings = page.getByRole('complementary', { name: 'Element settings' });
    await settings.getByRole('button', { name: 'Add input' }).click();
    await pickOption(page, settings.getByRole('combobox', { name: 'From attribute' }), 'name');
    await settings.getByLabel('Component input').fill('firstName');
    await settings.getByRole('button', { name: 'Add output' }).click();
    await settings.getByLabel('Component output').fill('email');
    await pickOption(page, settings.getByRole('combobox', { name: 'To attribute' }), 'contact');
    const elementId = z.string().parse((await element.getAttribute('data-testid'))?.replace(/^node-/, ''));
    await connect(page, page.getByTestId('handle-hello-next'), page.getByTestId(`handle-${elementId}-in`));
    await page.locator('.react-flow__edge').first().waitFor();
    await expect.poll(async () => (await problemsButton(page)).getAttribute('aria-label'), { timeout: 15_000 }).toMatch(/^Problems: 0 errors/);

    // A wrong output is reported against the component's outputs.
    await settings.getByLabel('Component output').fill('phone');
    await expect.poll(async () => (await problemsButton(page)).getAttribute('aria-label')).toMatch(/^Problems: 1 error,/);
    await settings.getByLabel('Component output').fill('email');
    await expect.poll(async () => (await problemsButton(page)).getAttribute('aria-label')).toMatch(/^Problems: 0 errors/);
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toMatch(/^All changes saved/);
    await page.close();
  }, 180_000);
});
