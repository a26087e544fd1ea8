import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { accessibilityProblems, screenshotsDir } from '../../testing/accessibility-problems';
import { startEditorStack, visit, whenHydrated, type EditorStack } from '../../testing/editor-stack';

/**
 * The bot editor's everyday workflows in the built editor and a real browser, against the
 * real API (the shared editor stack): validation and the Problems panel, undo / redo,
 * copy and paste between bots, two tabs on one bot, import / export, versions, and an
 * accessibility pass with the screenshots of docs/screenshots/. Every assertion is about
 * what a person sees (or, for what was stored, bots.get).
 */

const failuresDir = join(tmpdir(), 'parley-editor-test-failures');
const run = randomUUID().slice(0, 8);
const owner = { name: 'Wendy Workflow', email: `workflows-${run}@parley.test`, password: 'correct horse battery' };

let stack: EditorStack | undefined;
let ownerContext: BrowserContext | undefined;
let downloadsDir = '';

beforeAll(async () => {
  downloadsDir = join(tmpdir(), `parley-editor-workflows-${run}`);
  await Promise.all([mkdir(downloadsDir, { recursive: true }), mkdir(screenshotsDir, { recursive: true })]);
  stack = await startEditorStack({ databaseUrl: inject('editorDatabaseUrl'), redisUrl: inject('redisUrl'), redisPrefix: `${inject('redisPrefix')}_workflows` });
  ownerContext = await stack.newContext();
  await stack.signUp(ownerContext, owner);
}, 300_000);

// A failed test leaves its pages open: keep a picture of each (paths in the output), then close them.
afterEach(async (context) => {
  const pages = ownerContext?.pages() ?? [];
  if (context.task.result?.state === 'fail') {
    await mkdir(failuresDir, { recursive: true });
    for (const [index, page] of pages.entries()) {
      const path = join(failuresDir, `workflows-${context.task.name.replace(/\W+/g, '-')}-${index}.png`);
      await page.screenshot({ path }).catch(() => undefined);
      console.log(`failure screenshot: ${path}`);
    }
  }
  await Promise.all(pages.map((page) => page.close()));
});

afterAll(async () => {
  await stack?.stop();
});

function started(): { stack: EditorStack; context: BrowserContext } {
  if (!stack || !ownerContext) throw new Error('editor stack not started');
  return { stack, context: ownerContext };
}

// ---------------------------------------------------------------------------------------
// Flows and the API

type Element = { id: string; type: string; position?: { x: number; y: number }; [field: string]: unknown };
type Flow = {
  version: 1;
  attributes: { name: string; type: string; scope: 'session' | 'person' }[];
  entryDialogId: string;
  dialogs: { id: string; name: string; startElementId: string; elements: Element[]; edges: { id: string; from: string; port?: string; to: string }[] }[];
  settings?: Record<string, unknown>;
};

/** A greeting, a reply saved into `topic`, and an answer: small, valid, one dialog. */
function greetingFlow(): Flow {
  return {
    version: 1,
    attributes: [{ name: 'topic', type: 'text', scope: 'session' }],
    entryDialogId: 'main',
    dialogs: [
      {
        id: 'main',
        name: 'Main',
        startElementId: 'hello',
        elements: [
          {
            id: 'hello',
            type: 'send-message',
            text: 'Hi! What can I help you with?',
            position: { x: 0, y: 0 },
          },
          {
            id: 'ask',
            type: 'user-response',
            saveAs: 'topic',
            position: { x: 340, y: 0 },
          },
          {
            id: 'answer',
            type: 'send-message',
            text: 'Thanks, someone will look at {{topic}}.',
            position: { x: 680, y: 0 },
          },
        ],
        edges: [
          { id: 'e1', from: 'hello', to: 'ask' },
          { id: 'e2', from: 'ask', to: 'answer' },
        ],
      },
    ],
  };
}

const botDetailSchema = z.object({ id: z.string(), name: z.string(), draft: z.unknown(), draftRevision: z.number(), latestVersion: z.object({ number: z.number() }).nullable() });
const flowSchema = z.object({
  attributes: z.array(z.object({ name: z.string(), type: z.string() }).loose()),
  dialogs: z.array(
    z
      .object({
        id: z.string(),
        elements: z.array(z.object({ id: z.string(), type: z.string(), position: z.object({ x: z.number(), y: z.number() }).optional() }).loose()),
        edges: z.array(z.object({ id: z.string(), from: z.string(), to: z.string() }).loose()),
      })
      .loose(),
  ),
});
type StoredFlow = z.infer<typeof flowSchema>;

async function createBot(name: string, draft: Flow = greetingFlow(), description?: string): Promise<string> {
  const { stack, context } = started();
  return z.object({ id: z.string() }).parse(await stack.trpc(context, 'bots.create', { name, draft, ...(description ? { description } : {}) })).id;
}

async function getBot(id: string): Promise<z.infer<typeof botDetailSchema>> {
  const { stack, context } = started();
  return botDetailSchema.parse(await stack.trpc(context, 'bots.get', { id }, 'query'));
}

/** The stored draft of bot `id`, read through bots.get. */
async function storedDraft(id: string): Promise<StoredFlow> {
  return flowSchema.parse((await getBot(id)).draft);
}

function elementOf(flow: StoredFlow, id: string): StoredFlow['dialogs'][number]['elements'][number] | undefined {
  return flow.dialogs.flatMap((dialog) => dialog.elements).find((element) => element.id === id);
}

async function storedText(botId: string, elementId: string): Promise<unknown> {
  return elementOf(await storedDraft(botId), elementId)?.text;
}

async function botNames(): Promise<string[]> {
  const { stack, context } = started();
  return z
    .array(z.object({ name: z.string() }).loose())
    .parse(await stack.trpc(context, 'bots.list', undefined, 'query'))
    .map((bot) => bot.name);
}

// ---------------------------------------------------------------------------------------
// The editor page

async function newPage(): Promise<Page> {
  return started().context.newPage();
}

/** Opens bot `id` in the editor and waits for its canvas. */
async function openBot(page: Page, id: string): Promise<void> {
  await visit(page, `/bots/${encodeURIComponent(id)}`);
  await page.getByTestId('dialog-canvas').waitFor();
}

const canvasOf = (page: Page): Locator => page.getByTestId('dialog-canvas');
const nodeOf = (scope: Page | Locator, id: string): Locator => scope.getByTestId(`node-${id}`);
const settingsOf = (page: Page): Locator => page.getByRole('complementary', { name: 'Element settings' });
const messageField = (page: Page): Locator => settingsOf(page).getByRole('textbox', { name: 'Message', exact: true });
const saveStatus = (page: Page): Locator => page.getByTestId('save-status');

/** Ids of the elements drawn on the canvas (in `scope`), in document order. */
async function nodeIds(scope: Page | Locator): Promise<string[]> {
  const ids = await scope.locator('[data-testid^="node-"][data-element-type]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.slice('node-'.length));
}

/** Waits until the toolbar says every change is saved. */
async function whenSaved(page: Page): Promise<void> {
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
}

/** Clicks an empty spot of the canvas: nothing is selected, and the keyboard is on the canvas, not in a field. */
async function clickEmptyCanvas(page: Page): Promise<void> {
  await canvasOf(page)
    .locator('.react-flow__pane')
    .click({ position: { x: 12, y: 12 } });
}

/** The element's position on the canvas (flow coordinates), as React Flow draws it. */
async function drawnPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  const transform = await canvasOf(page)
    .locator(`.react-flow__node[data-id="${id}"]`)
    .evaluate((node) => (node instanceof HTMLElement ? node.style.transform : ''));
  const match = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(transform);
  if (!match) throw new Error(`node ${id} has no position (${transform})`);
  return { x: Math.round(Number(match[1])), y: Math.round(Number(match[2])) };
}

/** Drags node `id` by (dx, dy) screen pixels with the mouse, holding it by its title row. */
async function dragNode(page: Page, id: string, dx: number, dy: number): Promise<void> {
  const box = await nodeOf(page, id).boundingBox();
  if (!box) throw new Error(`node ${id} is not visible`);
  const x = box.x + box.width / 2;
  const y = box.y + 14;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 8 });
  await page.mouse.move(x + dx, y + dy, { steps: 8 });
  await page.mouse.up();
  await page.waitForTimeout(50);
}

/** Drags from one handle to another (connects two elements). */
async function dragHandle(page: Page, from: Locator, to: Locator): Promise<void> {
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  if (!start || !end) throw new Error('handle not visible');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
  await page.mouse.up();
  await page.waitForTimeout(50);
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

async function expectNoAxeProblems(page: Page, what: string): Promise<void> {
  expect.soft(await accessibilityProblems(page), `axe on ${what}`).toEqual([]);
}

// ---------------------------------------------------------------------------------------

describe('the bot editor', () => {
  it('shows a validation error on the element, its field and the toolbar, and takes the person there', async () => {
    const botId = await createBot(`Validation ${run}`);
    const page = await newPage();
    await openBot(page, botId);
    await page.getByRole('button', { name: 'Problems: 0 errors, 0 warnings' }).waitFor();

    // A Send message added in the middle of the view, then joined after the answer.
    const before = await nodeIds(page);
    await page.getByRole('button', { name: 'Add Send message' }).click();
    await expect.poll(async () => (await nodeIds(page)).length).toBe(before.length + 1);
    const added = (await nodeIds(page)).find((id) => !before.includes(id));
    if (!added) throw new Error('no element added');
    expect(await nodeOf(page, added).getAttribute('data-element-type')).toBe('send-message');
    await dragHandle(page, page.getByTestId('handle-answer-next'), page.getByTestId(`handle-${added}-in`));
    await page.getByRole('group', { name: `Edge from answer to ${added}` }).waitFor({ state: 'attached' });

    // The empty Message is an error: on the node, under the field and in the toolbar.
    // (Joined, it is reachable: its one problem is the error.)
    const errorMark = nodeOf(page, added).locator('[data-testid="node-problems"][data-severity="error"]');
    await errorMark.and(page.locator('[aria-label^="1 error: "]')).waitFor();
    await clickEmptyCanvas(page);
    await settingsOf(page).getByText('No element selected').waitFor();
    await nodeOf(page, added).click();
    const message = messageField(page);
    expect(await message.getAttribute('aria-invalid')).toBe('true');
    await settingsOf(page).locator('[data-field="text"]').getByText('Must not be empty.').waitFor();
    const problemsButton = page.getByRole('button', { name: 'Problems: 1 error, 0 warnings' });
    await problemsButton.waitFor();
    // What is seen: the compact count (drawn from data-count; the words are in the name).
    expect(await problemsButton.locator('[data-count]').first().getAttribute('data-count')).toBe('1 ✕');

    // Publishing is blocked while the error is there.
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const publishDialog = page.getByRole('dialog', { name: 'Publish bot' });
    await publishDialog.getByText('1 error blocks publishing.').waitFor();
    expect(await publishDialog.getByRole('button', { name: 'Publish', exact: true }).isDisabled()).toBe(true);
    await publishDialog.getByRole('button', { name: 'Cancel' }).click();
    await publishDialog.waitFor({ state: 'hidden' });

    // Problems → the problem: its element is selected and the keyboard is in its field.
    await clickEmptyCanvas(page);
    await settingsOf(page).getByText('No element selected').waitFor();
    await problemsButton.click();
    const panel = page.getByRole('region', { name: 'Problems' });
    await panel.getByText('1 error (block publishing) · 0 warnings').waitFor();
    await panel.getByTestId('problem').filter({ hasText: 'must not be empty' }).click();
    await page.locator(`[data-element-settings="${added}"]`).waitFor();
    expect(await canvasOf(page).locator(`.react-flow__node[data-id="${added}"]`).getAttribute('class')).toContain('selected');
    await expect.poll(() => isFocused(messageField(page)), { timeout: 3000 }).toBe(true);

    // Typing fixes it: the mark, the message and the problem go away.
    await page.keyboard.type('Got it, one moment please.');
    await nodeOf(page, added).getByTestId('node-problems').waitFor({ state: 'detached' });
    expect(await messageField(page).getAttribute('aria-invalid')).toBe('false');
    await panel.getByText('No problems: this bot can be published.').waitFor();
    await page.getByRole('button', { name: 'Problems: 0 errors, 0 warnings' }).waitFor();
    expect(await nodeOf(page, added).textContent()).toContain('Got it, one moment please.');
    await whenSaved(page);
    await expect.poll(() => storedText(botId, added)).toBe('Got it, one moment please.');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    expect(await publishDialog.getByRole('button', { name: 'Publish', exact: true }).isEnabled()).toBe(true);
  });

  it('undoes a move and a typing burst one step each, redoes both, and keeps them after a reload', async () => {
    const botId = await createBot(`Undo ${run}`);
    const page = await newPage();
    await openBot(page, botId);

    // A burst of typing in the greeting's Message.
    await nodeOf(page, 'hello').click();
    const message = messageField(page);
    await message.click();
    await message.press('End');
    await message.pressSequentially(' Ask away.', { delay: 40 });
    expect(await message.inputValue()).toBe('Hi! What can I help you with? Ask away.');
    await nodeOf(page, 'hello').getByText('Hi! What can I help you with? Ask away.').waitFor();

    // A move of the reply element.
    const from = await drawnPosition(page, 'ask');
    const screenFrom = await nodeOf(page, 'ask').boundingBox();
    await dragNode(page, 'ask', 0, 160);
    const to = await drawnPosition(page, 'ask');
    expect(to.y - from.y).toBeGreaterThan(100);

    // The keyboard on the canvas (not in a field): Ctrl+Z undoes the move ...
    await clickEmptyCanvas(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => drawnPosition(page, 'ask')).toEqual(from);
    const screenBack = await nodeOf(page, 'ask').boundingBox();
    expect(screenBack?.y).toBeCloseTo(screenFrom?.y ?? 0, 0);
    expect(await nodeOf(page, 'hello').textContent()).toContain('Ask away.');
    // ... and then the whole burst of typing, as one step.
    await page.keyboard.press('Control+z');
    await nodeOf(page, 'hello').getByText('Hi! What can I help you with?', { exact: true }).waitFor();
    expect(await drawnPosition(page, 'ask')).toEqual(from);
    expect(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);

    // Ctrl+Shift+Z redoes both.
    await page.keyboard.press('Control+Shift+z');
    await nodeOf(page, 'hello').getByText('Hi! What can I help you with? Ask away.').waitFor();
    expect(await drawnPosition(page, 'ask')).toEqual(from);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => drawnPosition(page, 'ask')).toEqual(to);
    expect(await page.getByRole('button', { name: 'Redo', exact: true }).isDisabled()).toBe(true);

    // Autosave stored the redone state; a reload shows it.
    await expect.poll(async () => elementOf(await storedDraft(botId), 'ask')?.position).toEqual(to);
    await whenSaved(page);
    expect(await storedText(botId, 'hello')).toBe('Hi! What can I help you with? Ask away.');
    await page.reload();
    await whenHydrated(page);
    await nodeOf(page, 'hello').getByText('Hi! What can I help you with? Ask away.').waitFor();
    expect(await drawnPosition(page, 'ask')).toEqual(to);
    expect(await saveStatus(page).getAttribute('data-state')).toBe('saved');
  });

  it('copies two connected elements into another bot, with new ids, their edge and their attribute', async () => {
    const sourceId = await createBot(`Copy source ${run}`);
    const targetFlow: Flow = {
      version: 1,
      attributes: [],
      entryDialogId: 'welcome',
      dialogs: [
        {
          id: 'welcome',
          name: 'Welcome',
          startElementId: 'bye',
          elements: [{ id: 'bye', type: 'close-session', position: { x: 0, y: 0 } }],
          edges: [],
        },
      ],
    };
    const targetId = await createBot(`Paste target ${run}`, targetFlow);

    const source = await newPage();
    await openBot(source, sourceId);
    await nodeOf(source, 'hello').click();
    await nodeOf(source, 'ask').click({ modifiers: ['Shift'] });
    await settingsOf(source).getByText('2 elements selected.').waitFor();
    await source.keyboard.press('Control+c');

    const target = await newPage();
    await openBot(target, targetId);
    await target.getByRole('button', { name: 'Attributes', exact: true }).click();
    await target.getByRole('dialog', { name: 'Attributes' }).getByRole('heading', { name: 'No attributes yet' }).waitFor();
    await target.keyboard.press('Escape');
    await target.getByRole('dialog', { name: 'Attributes' }).waitFor({ state: 'hidden' });

    await clickEmptyCanvas(target);
    await target.keyboard.press('Control+v');
    await expect.poll(async () => (await nodeIds(target)).length).toBe(3);
    const pasted = (await nodeIds(target)).filter((id) => id !== 'bye');
    expect(pasted).toHaveLength(2);
    for (const id of pasted) expect(['hello', 'ask']).not.toContain(id);
    const [message, reply] = pasted;
    if (!message || !reply) throw new Error('paste lost an element');
    expect(await nodeOf(target, message).getAttribute('data-element-type')).toBe('send-message');
    expect(await nodeOf(target, message).textContent()).toContain('Hi! What can I help you with?');
    expect(await nodeOf(target, reply).getAttribute('data-element-type')).toBe('user-response');
    await target.getByRole('group', { name: `Edge from ${message} to ${reply}` }).waitFor({ state: 'attached' });
    await canvasOf(target).getByRole('status').getByText('Pasted 2 elements (declared 1 attribute: topic)').waitFor();

    // The attribute the reply saves into now exists in the target bot.
    await target.getByRole('button', { name: 'Attributes', exact: true }).click();
    const attributes = target.getByRole('dialog', { name: 'Attributes' });
    const row = attributes.locator('[data-testid="attribute-row"][data-attribute="topic"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('1 element');
    await target.keyboard.press('Escape');

    await whenSaved(target);
    await expect.poll(async () => (await storedDraft(targetId)).dialogs[0]?.elements.map((element) => element.id)).toEqual(['bye', message, reply]);
    const stored = await storedDraft(targetId);
    expect(stored.attributes.map((attribute) => attribute.name)).toEqual(['topic']);
    expect(stored.dialogs[0]?.edges.map(({ from, to }) => ({ from, to }))).toEqual([{ from: message, to: reply }]);
    // The source bot is unchanged.
    expect((await getBot(sourceId)).draft).toEqual(greetingFlow());
  });

  it('tells each of two tabs when the other saved, and never overwrites silently', async () => {
    const botId = await createBot(`Two tabs ${run}`);
    const tabA = await newPage();
    const tabB = await newPage();
    await openBot(tabA, botId);
    await openBot(tabB, botId);
    const conflictIn = (page: Page) => page.getByRole('alertdialog', { name: 'This bot was changed elsewhere' });

    // A edits and saves: B is told at once (not at its next poll, 3 s later).
    await nodeOf(tabA, 'hello').click();
    await messageField(tabA).fill('Hello from tab A');
    await whenSaved(tabA);
    await expect.poll(() => storedText(botId, 'hello')).toBe('Hello from tab A');
    await conflictIn(tabB).waitFor({ timeout: 2500 });
    expect(await conflictIn(tabB).textContent()).toContain(owner.name);
    expect(await saveStatus(tabB).getAttribute('data-state')).toBe('conflict');
    await conflictIn(tabB).getByRole('button', { name: 'Reload their version' }).click();
    await conflictIn(tabB).waitFor({ state: 'hidden' });
    await nodeOf(tabB, 'hello').getByText('Hello from tab A').waitFor();
    expect(await storedText(botId, 'hello')).toBe('Hello from tab A');

    // B edits and saves while A holds the older revision: A is told.
    await nodeOf(tabB, 'hello').click();
    await messageField(tabB).fill('Hello from tab B');
    await whenSaved(tabB);
    await expect.poll(() => storedText(botId, 'hello')).toBe('Hello from tab B');
    await conflictIn(tabA).waitFor({ timeout: 2500 });
    expect(await storedText(botId, 'hello')).toBe('Hello from tab B');

    // A overwrites on purpose: the draft is A's again, and B is told in turn.
    await conflictIn(tabA).getByRole('button', { name: 'Overwrite with mine' }).click();
    await conflictIn(tabA).waitFor({ state: 'hidden' });
    await whenSaved(tabA);
    await expect.poll(() => storedText(botId, 'hello')).toBe('Hello from tab A');
    await conflictIn(tabB).waitFor({ timeout: 2500 });
    expect(await nodeOf(tabB, 'hello').textContent()).toContain('Hello from tab B');
    expect(await storedText(botId, 'hello')).toBe('Hello from tab A');
    await conflictIn(tabB).getByRole('button', { name: 'Reload their version' }).click();
    await nodeOf(tabB, 'hello').getByText('Hello from tab A').waitFor();
    expect(await storedText(botId, 'hello')).toBe('Hello from tab A');
  });

  it('exports a bot from the list and imports the file as a new bot; refuses an invalid file, creating nothing', async () => {
    const name = `Round trip ${run}`;
    const botId = await createBot(name);
    const page = await newPage();
    await visit(page, '/bots');
    await page.getByRole('button', { name: `Actions for ${name}` }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Export' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${name}.parley.json`);
    const exportedPath = join(downloadsDir, file.suggestedFilename());
    await file.saveAs(exportedPath);
    const exported: unknown = JSON.parse(await readFile(exportedPath, 'utf8'));
    expect(exported).toEqual((await getBot(botId)).draft);
    await page.getByText(`Exported “${name}” as ${name}.parley.json.`).waitFor();

    // Import it under another name: the new bot opens with the same draft.
    const importedName = `Imported ${run}`;
    let chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await (await chooser).setFiles(exportedPath);
    const dialog = page.getByRole('dialog', { name: 'Import a bot' });
    expect(await dialog.getByLabel('Name', { exact: true }).inputValue()).toBe(name);
    await dialog.getByLabel('Name', { exact: true }).fill(importedName);
    await dialog.getByRole('button', { name: 'Import bot' }).click();
    await page.waitForURL(/\/bots\/[^/]+$/);
    await whenHydrated(page);
    await page.getByRole('heading', { level: 1, name: new RegExp(importedName) }).waitFor();
    const importedId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    expect(importedId).not.toBe(botId);
    expect((await getBot(importedId)).draft).toEqual(exported);
    await nodeOf(page, 'hello').waitFor();

    // An invalid flow (an edge to an element that does not exist): every problem listed, nothing created.
    const invalid = greetingFlow();
    invalid.dialogs[0]?.edges.push({ id: 'e3', from: 'answer', to: 'ghost' });
    const invalidPath = join(downloadsDir, 'broken.parley.json');
    await writeFile(invalidPath, JSON.stringify(invalid));
    const namesBefore = await botNames();
    await visit(page, '/bots');
    chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await (await chooser).setFiles(invalidPath);
    await dialog.getByLabel('Name', { exact: true }).fill(`Broken ${run}`);
    await dialog.getByRole('button', { name: 'Import bot' }).click();
    const refusal = dialog.getByRole('alert').filter({ hasText: 'nothing was created' });
    await refusal.waitFor();
    expect(await refusal.getByRole('heading').textContent()).toMatch(/^The flow was refused \(\d+ problems?\); nothing was created$/);
    const problems = await refusal.getByTestId('import-problems').getByRole('listitem').allTextContents();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(/ghost/);
    expect(new URL(page.url()).pathname).toBe('/bots');
    expect(await botNames()).toEqual(namesBefore);
  });

  it('publishes two versions, compares them on the canvas and restores the first', async () => {
    const botId = await createBot(`Versions ${run}`);
    const page = await newPage();
    await openBot(page, botId);

    const publish = async (note: string, number: number) => {
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Publish bot' });
      await dialog.getByLabel('Note (optional)').fill(note);
      await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page
        .getByRole('status')
        .filter({ hasText: `Version ${number} published.` })
        .waitFor();
      await page.getByTestId('published-version').getByText(`Published: v${number}`).waitFor();
    };
    await publish('First greeting', 1);

    // Version 2: another greeting and a Close session after the answer.
    await nodeOf(page, 'hello').click();
    await messageField(page).fill('Welcome back! What do you need?');
    await clickEmptyCanvas(page);
    const before = await nodeIds(page);
    await page.getByRole('button', { name: 'Add Close session' }).click();
    await expect.poll(async () => (await nodeIds(page)).length).toBe(before.length + 1);
    const added = (await nodeIds(page)).find((id) => !before.includes(id));
    if (!added) throw new Error('no element added');
    await dragHandle(page, page.getByTestId('handle-answer-next'), page.getByTestId(`handle-${added}-in`));
    await page.getByRole('group', { name: `Edge from answer to ${added}` }).waitFor({ state: 'attached' });
    await whenSaved(page);
    await publish('Warmer greeting, closes the session', 2);

    // Both versions are listed with their notes.
    await page.getByRole('button', { name: 'Versions', exact: true }).click();
    const versions = page.getByRole('dialog', { name: 'Versions' });
    const row = (number: number) => versions.locator(`[data-testid="version-row"][data-version="${number}"]`);
    await row(2).waitFor();
    expect(await row(2).textContent()).toContain('Warmer greeting, closes the session');
    expect(await row(1).textContent()).toContain('First greeting');
    expect(await row(1).textContent()).toContain(owner.name);

    // Compare version 1 (A) with version 2 (B): the added element and the changed one are marked.
    await versions.getByRole('button', { name: 'Compare version 1 with the draft' }).click();
    await versions.getByRole('combobox', { name: 'Newer (B)' }).click();
    await page.getByRole('option', { name: 'Version 2' }).click();
    expect(await versions.getByRole('combobox', { name: 'Older (A)' }).textContent()).toBe('Version 1');
    expect(await versions.getByRole('combobox', { name: 'Newer (B)' }).textContent()).toBe('Version 2');
    await versions.getByTestId('diff-summary').getByText('Changes from version 1 (A) to version 2 (B).', { exact: false }).waitFor();
    await versions.locator(`[data-testid="node-${added}"][data-mark="added"]`).waitFor();
    await versions.locator('[data-testid="node-hello"][data-mark="changed"]').waitFor();
    expect(await nodeOf(versions, 'ask').getAttribute('data-mark')).toBeNull();
    expect(await nodeOf(versions, added).textContent()).toContain('Added');
    expect(await nodeOf(versions, 'hello').textContent()).toContain('Changed');

    // Restore version 1: the draft (canvas and stored) is version 1 again, and the toolbar says so.
    await versions.getByRole('tab', { name: 'History' }).click();
    await versions.getByRole('button', { name: 'Restore version 1' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Restore version 1?' });
    await confirm.getByRole('button', { name: 'Restore version' }).click();
    await versions.waitFor({ state: 'hidden' });
    await page
      .getByRole('status')
      .filter({ hasText: /^Version restored into the draft \(revision \d+\)\./ })
      .waitFor();
    await nodeOf(page, 'hello').getByText('Hi! What can I help you with?').waitFor();
    expect(await nodeIds(page)).toEqual(['hello', 'ask', 'answer']);
    expect(await saveStatus(page).getAttribute('data-state')).toBe('saved');
    const { stack, context } = started();
    const version1 = z.object({ flow: z.unknown() }).parse(await stack.trpc(context, 'bots.version', { id: botId, number: 1 }, 'query'));
    expect((await getBot(botId)).draft).toEqual(version1.flow);
    expect((await getBot(botId)).draft).toEqual(greetingFlow());
    expect((await getBot(botId)).latestVersion?.number).toBe(2);
  });

  it('passes axe on the editor, its panels and dialogs, and takes the screenshots of the docs', async () => {
    const { stack, context } = started();
    const home = z.object({ workspace: z.object({ id: z.string() }) }).parse(await stack.trpc(context, 'workspaces.current', undefined, 'query'));
    // A workspace of its own, so the list shows just these bots.
    await stack.trpc(context, 'workspaces.create', { name: 'Acme Support' });
    try {
      const supportId = await createBot('Order tracking', supportFlow(1), 'Finds an order by its number and tells its status');
      await stack.trpc(context, 'bots.publish', { id: supportId, note: 'First version: order status' });
      const saved = z.object({ draftRevision: z.number() });
      const revision = saved.parse(await stack.trpc(context, 'bots.saveDraft', { id: supportId, draft: supportFlow(2), expectedRevision: 0 })).draftRevision;
      await stack.trpc(context, 'bots.publish', { id: supportId, note: 'Friendlier greeting; closes the session' });
      await stack.trpc(context, 'bots.saveDraft', { id: supportId, draft: supportFlow(3), expectedRevision: revision, allowErrors: true });
      await createBot('Returns and refunds', greetingFlow(), 'Starts a return and explains refund times');
      await createBot('Store hours FAQ', greetingFlow());

      const page = await newPage();
      await visit(page, '/bots');
      await page
        .getByRole('row', { name: /Order tracking/ })
        .filter({ hasText: 'Version 2' })
        .waitFor();
      await page.getByRole('row', { name: /Store hours FAQ/ }).waitFor();
      await page.screenshot({ path: `${screenshotsDir}bots-list.png` });
      await expectNoAxeProblems(page, 'the bots list');

      await openBot(page, supportId);
      await nodeOf(page, 'ask-order').click();
      await page.locator('[data-element-settings="ask-order"]').waitFor();
      await expectNoAxeProblems(page, 'the editor with an element selected');

      // Problems: the panel open, one problem chosen (its element selected, its field focused).
      await page.getByRole('button', { name: /^Problems: 1 error, / }).click();
      const panel = page.getByRole('region', { name: 'Problems' });
      await panel.getByTestId('problem').filter({ hasText: 'must not be empty' }).click();
      await page.locator('[data-element-settings="follow-up"]').waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${screenshotsDir}editor-problems.png` });
      await expectNoAxeProblems(page, 'the Problems panel');

      await clickEmptyCanvas(page);
      await page.keyboard.press('Control+k');
      const palette = page.getByRole('dialog', { name: 'Command palette' });
      await palette.waitFor();
      await palette.getByRole('combobox').pressSequentially('add', { delay: 20 });
      await page.waitForTimeout(200);
      await page.screenshot({ path: `${screenshotsDir}editor-command-palette.png` });
      await expectNoAxeProblems(page, 'the command palette');
      await page.keyboard.press('Escape');
      await palette.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      const publish = page.getByRole('dialog', { name: 'Publish bot' });
      await publish.getByText('1 error blocks publishing.').waitFor();
      await expectNoAxeProblems(page, 'the Publish dialog');
      await page.keyboard.press('Escape');
      await publish.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: 'Versions', exact: true }).click();
      const versions = page.getByRole('dialog', { name: 'Versions' });
      await versions.locator('[data-testid="version-row"][data-version="1"]').waitFor();
      await expectNoAxeProblems(page, 'the Versions dialog (history)');
      await versions.getByRole('button', { name: 'Compare version 1 with the draft' }).click();
      await versions.getByRole('combobox', { name: 'Newer (B)' }).click();
      await page.getByRole('option', { name: 'Version 2' }).click();
      await versions.locator('[data-testid="node-bye"][data-mark="added"]').waitFor();
      await versions.locator('[data-testid="node-hello"][data-mark="changed"]').waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${screenshotsDir}editor-versions-diff.png` });
      await expectNoAxeProblems(page, 'the Versions dialog (compare)');
      await page.keyboard.press('Escape');
      await versions.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: 'Attributes', exact: true }).click();
      const attributes = page.getByRole('dialog', { name: 'Attributes' });
      await attributes.locator('[data-testid="attribute-row"][data-attribute="orderNumber"]').waitFor();
      await page.screenshot({ path: `${screenshotsDir}editor-attributes.png` });
      await expectNoAxeProblems(page, 'the Attributes dialog');
    } finally {
      await stack.trpc(context, 'workspaces.switch', { workspaceId: home.workspace.id });
    }
  });

  it('loads the code editor when a Code element is opened, and what is typed there is saved', async () => {
    const botId = await createBot('Code on demand');
    const page = await newPage();
    await openBot(page, botId);
    await page.getByRole('button', { name: 'Add Code', exact: true }).click();
    // CodeMirror is fetched only now (its own script chunk), then shown in the settings.
    const editor = settingsOf(page).locator('.cm-editor .cm-content');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.type('// greet the person', { delay: 10 });
    await whenSaved(page);
    const codes = (await storedDraft(botId)).dialogs.flatMap((dialog) => dialog.elements).filter((element) => element.type === 'code');
    expect(codes.map((element) => element.code)).toEqual(['// greet the person']);
    await page.close();
  });
});

/**
 * The support bot of the screenshots (docs/flow-format.md's example, laid out in two rows):
 * step 1 is version 1, step 2 version 2 (another greeting, a Close session at the end),
 * step 3 the draft after it with a half-made follow-up message (an error and a warning).
 */
function supportFlow(step: 1 | 2 | 3): Flow {
  const elements: Element[] = [
    {
      id: 'hello',
      type: 'send-message',
      name: 'Greeting',
      text: step === 1 ? 'Hi {{firstName}}! How can I help?' : 'Hi {{firstName}}, welcome back! What can I do for you today?',
      buttons: [{ label: 'Track an order' }, { label: 'Something else' }],
      position: { x: 0, y: 0 },
    },
    {
      id: 'pick-topic',
      type: 'user-response',
      saveAs: 'topic',
      position: { x: 320, y: 0 },
    },
    {
      id: 'ask-order',
      type: 'send-message',
      text: 'You chose "{{topic}}". What\'s your order number?',
      position: { x: 640, y: 0 },
    },
    {
      id: 'read-order',
      type: 'user-response',
      saveAs: 'orderNumber',
      timeoutSeconds: 300,
      fallback: { action: { type: 'port' } },
      position: { x: 0, y: 220 },
    },
    {
      id: 'nudge',
      type: 'send-message',
      text: 'Still there? Send your order number when you have it.',
      position: { x: 320, y: 360 },
    },
    {
      id: 'answer',
      type: 'send-message',
      text: 'Order {{orderNumber}}: {{order.status}}.',
      position: { x: 320, y: 200 },
    },
  ];
  const edges: Flow['dialogs'][number]['edges'] = [
    { id: 'e1', from: 'hello', to: 'pick-topic' },
    { id: 'e2', from: 'pick-topic', to: 'ask-order' },
    { id: 'e3', from: 'ask-order', to: 'read-order' },
    { id: 'e4', from: 'read-order', port: 'next', to: 'answer' },
    { id: 'e5', from: 'read-order', port: 'fallback', to: 'nudge' },
    { id: 'e6', from: 'nudge', to: 'read-order' },
  ];
  if (step >= 2) {
    elements.push({ id: 'bye', type: 'close-session', position: { x: 640, y: 200 } });
    edges.push({ id: 'e7', from: 'answer', to: 'bye' });
  }
  if (step === 3) elements.push({ id: 'follow-up', type: 'send-message', name: 'Follow-up', text: '', position: { x: 640, y: 360 } });
  return {
    version: 1,
    attributes: [
      { name: 'topic', type: 'text', scope: 'session' },
      { name: 'orderNumber', type: 'text', scope: 'session' },
      { name: 'order', type: 'json', scope: 'session' },
      { name: 'firstName', type: 'text', scope: 'person' },
    ],
    entryDialogId: 'welcome',
    dialogs: [
      {
        id: 'welcome',
        name: 'Welcome',
        startElementId: 'hello',
        elements,
        edges,
      },
    ],
  };
}
