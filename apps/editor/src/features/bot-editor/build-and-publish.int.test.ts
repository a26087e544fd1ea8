import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { accessibilityProblems, screenshotsDir } from '../../testing/accessibility-problems';
import { addElement, canvasElementIds, canvasNode, connect, fitView, selectElement, settledBox } from '../../testing/canvas-driver';
import { startEditorStack, visit, whenHydrated, type EditorStack } from '../../testing/editor-stack';
import { pickOption } from '../../testing/form-driver';
import { HttpChannelPeer } from '../../testing/http-channel-peer';

/**
 * The editor's main path, as a person takes it in the built editor and a real browser
 * (the shared editor stack, with a worker): from an empty bot, with the mouse and the
 * keyboard only, a bot that greets with buttons, waits for "yes" or "no", looks an order
 * up with an API element imported from a cURL command (previewed against a local server),
 * branches on the answer with Conditions, and says goodbye in a second dialog; then it is
 * published and answers on an HTTP channel exactly as drawn.
 */

const failuresDir = join(tmpdir(), 'parley-editor-test-failures');
const run = randomUUID().slice(0, 8);
const builder = { name: 'Bianca Builder', email: `build-publish-${run}@parley.test`, password: 'correct horse battery' };
const greeting = 'Hi! Do you want to check an order?';

/** The partner's order API: GET /orders/42 answers {"status":"shipped","total":42}; every request is recorded. */
type OrderRequest = { method: string; url: string; accept: string; idempotencyKey: string };
const orderRequests: OrderRequest[] = [];
let ordersServer: Server | undefined;
let ordersUrl = '';

let stack: EditorStack | undefined;
let context: BrowserContext | undefined;
const peer = new HttpChannelPeer();
let botId = '';

async function startOrders(): Promise<void> {
  const server = createServer((request, response) => {
    const header = (name: string) => String(request.headers[name] ?? '');
    orderRequests.push({ method: request.method ?? '', url: request.url ?? '', accept: header('accept'), idempotencyKey: header('idempotency-key') });
    if (request.method === 'GET' && request.url === '/orders/42') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'shipped', total: 42 }));
    } else {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"no such order"}');
    }
  });
  ordersServer = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  ordersUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

beforeAll(async () => {
  const [started] = await Promise.all([
    startEditorStack({ databaseUrl: inject('editorDatabaseUrl'), redisUrl: inject('redisUrl'), redisPrefix: `${inject('redisPrefix')}_build`, worker: true }),
    startOrders(),
    peer.start(),
    mkdir(screenshotsDir, { recursive: true }),
  ]);
  stack = started;
  context = await started.newContext();
  await started.signUp(context, builder);
}, 300_000);

// A failed test leaves its pages open: keep a picture of each (paths in the output), then close them.
afterEach(async (test) => {
  const pages = context?.pages() ?? [];
  if (test.task.result?.state === 'fail') {
    await mkdir(failuresDir, { recursive: true });
    for (const [index, page] of pages.entries()) {
      const path = join(failuresDir, `build-publish-${test.task.name.replace(/\W+/g, '-')}-${index}.png`);
      await page.screenshot({ path }).catch(() => undefined);
      console.log(`failure screenshot: ${path}`);
    }
  }
  await Promise.all(pages.map((page) => page.close()));
});

afterAll(async () => {
  await stack?.stop();
  await peer.stop();
  await new Promise<void>((resolve) => (ordersServer ? ordersServer.close(() => resolve()) : resolve()));
});

function started(): { stack: EditorStack; context: BrowserContext } {
  if (!stack || !context) throw new Error('editor stack not started');
  return { stack, context };
}

/** The right-hand settings panel. */
function settingsOf(page: Page) {
  return page.getByRole('complementary', { name: 'Element settings' });
}

/** Writes the Message of the selected Send message element. */
async function writeMessage(page: Page, text: string): Promise<void> {
  await settingsOf(page).getByLabel('Message', { exact: true }).fill(text);
}

describe('a bot built from an empty one with the mouse and the keyboard', () => {
  it('is drawn, its API call previewed, checked and published', async () => {
    const page = await started().context.newPage();
    const settings = settingsOf(page);

    // An empty bot, through the UI.
    await visit(page, '/bots');
    await page.getByRole('button', { name: 'New bot' }).click();
    const newBot = page.getByRole('dialog', { name: 'New bot' });
    await newBot.getByRole('textbox', { name: 'Name', exact: true }).fill('Order status');
    await newBot.getByRole('radio', { name: /^Empty bot/ }).check();
    await newBot.getByRole('button', { name: 'Create bot' }).click();
    await page.waitForURL(/\/bots\/[^/]+$/);
    await whenHydrated(page);
    botId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
    expect(botId).not.toBe('');
    await page.getByRole('navigation', { name: 'Dialogs' }).getByRole('button', { name: /^Main/ }).and(page.locator('[aria-current="page"]')).waitFor();

    // The empty template's one element (a greeting, the start) becomes the question.
    await page.getByTestId('dialog-canvas').locator('[data-testid^="node-"][data-element-type]').first().waitFor();
    const elements = await canvasElementIds(page);
    expect(elements).toHaveLength(1);
    const [welcome = ''] = elements;
    expect(await canvasNode(page, welcome).getAttribute('data-element-type')).toBe('send-message');
    expect(await page.getByTestId(`start-${welcome}`).isVisible()).toBe(true);
    await selectElement(page, welcome);
    await writeMessage(page, greeting);
    await settings.getByRole('button', { name: 'Add quick reply' }).click();
    await settings.getByLabel('Quick reply 1', { exact: true }).fill('Yes');
    await settings.getByRole('button', { name: 'Add quick reply' }).click();
    await settings.getByLabel('Quick reply 2', { exact: true }).fill('No');
    await canvasNode(page, welcome).getByText(greeting).waitFor();

    // User response: "yes" and "no", anything else gets a message and leaves through Fallback.
    const ask = await addElement(page, 'User response');
    await settings.getByRole('button', { name: 'Add keyword' }).click();
    await settings.getByLabel('Keyword 1', { exact: true }).fill('yes');
    await settings.getByRole('button', { name: 'Add keyword' }).click();
    await settings.getByLabel('Keyword 2', { exact: true }).fill('no');
    await settings.getByRole('switch', { name: 'Fallback', exact: true }).click();
    await settings.getByRole('switch', { name: 'Fallback message', exact: true }).click();
    await writeMessage(page, 'Please answer Yes or No.');
    await settings.getByRole('combobox', { name: 'Fallback action' }).click();
    await page.getByRole('option', { name: 'Continue through the Fallback port' }).click();
    await page.getByTestId(`handle-${ask}-fallback`).waitFor();
    await connect(page, welcome, 'next', ask);

    // API: the request from a cURL command, `status` of the answer into a new attribute, a preview.
    await selectElement(page, ask);
    const api = await addElement(page, 'API');
    await settings.getByRole('button', { name: 'Import cURL' }).click();
    const curl = page.getByRole('dialog', { name: 'Import cURL command' });
    await curl.getByLabel('cURL command').fill(`curl -X GET ${ordersUrl}/orders/42 -H 'Accept: application/json'`);
    await curl.getByRole('button', { name: 'Import' }).click();
    await curl.waitFor({ state: 'hidden' });
    expect(await settings.getByLabel('URL', { exact: true }).inputValue()).toBe(`${ordersUrl}/orders/42`);
    await settings.getByRole('tab', { name: 'Response' }).click();
    await settings.getByRole('button', { name: 'Add body attribute' }).click();
    const mapping = settings.getByRole('group', { name: 'Body attribute 1' });
    await pickOption(page, mapping.getByRole('combobox', { name: 'Attribute' }), { label: 'Search or create attribute', query: 'orderStatus' }, 'Create attribute "orderStatus" (text)');
    expect(await mapping.getByRole('combobox', { name: 'Attribute' }).textContent()).toBe('orderStatus');
    await mapping.getByLabel('Path', { exact: true }).fill('status');

    await settings.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('dialog', { name: 'Preview API call' });
    await preview.getByRole('button', { name: 'Send request' }).click();
    await preview.getByText('Status 200', { exact: true }).waitFor();
    expect(await preview.getByText(`GET ${ordersUrl}/orders/42`).isVisible()).toBe(true);
    await preview.getByRole('tab', { name: 'Resolved attributes' }).click();
    const resolved = preview.getByRole('row', { name: /orderStatus/ });
    await resolved.waitFor();
    expect((await resolved.getByRole('cell').allTextContents()).map((text) => text.trim())).toEqual(['orderStatus', '"shipped"']);
    expect(orderRequests).toHaveLength(1);
    await preview.getByRole('button', { name: 'Close' }).first().click();
    await preview.waitFor({ state: 'hidden' });
    await connect(page, ask, { label: 'yes' }, api);

    // Conditions: shipped, pending, and the built-in Else.
    await selectElement(page, api);
    const conditions = await addElement(page, 'Conditions');
    const condition = async (index: number, name: string, value: string) => {
      const card = settings.getByRole('group', { name: `Condition ${index}` });
      await card.getByLabel('Condition name').fill(name);
      if ((await card.getByRole('group', { name: 'Rule 1' }).count()) === 0) await card.getByRole('button', { name: 'Add rule' }).click();
      const rule = card.getByRole('group', { name: 'Rule 1' });
      await pickOption(page, rule.getByRole('combobox', { name: 'Attribute' }), { label: 'Search or create attribute', query: 'orderStatus' }, 'orderStatus text');
      // A new rule compares with "Equal to", which is what this one needs.
      expect(await rule.getByRole('combobox', { name: 'Operator' }).textContent()).toBe('Equal to');
      await rule.getByLabel('Value', { exact: true }).fill(value);
    };
    await condition(1, 'Shipped', 'shipped');
    await settings.getByRole('button', { name: 'Add condition' }).click();
    await condition(2, 'Pending', 'pending');
    await page.getByTestId(`handle-${conditions}-else`).waitFor();
    await connect(page, api, 'next', conditions);

    // A message per branch.
    const branchMessage = async (text: string) => {
      await selectElement(page, conditions);
      const id = await addElement(page, 'Send message');
      await writeMessage(page, text);
      return id;
    };
    const shipped = await branchMessage('Your order has shipped: {{orderStatus}}');
    const pending = await branchMessage('Your order is still being prepared ({{orderStatus}}).');
    const unknown = await branchMessage('I could not find out where your order is ({{orderStatus}}).');
    await connect(page, conditions, { label: 'Shipped' }, shipped);
    await connect(page, conditions, { label: 'Pending' }, pending);
    await connect(page, conditions, 'else', unknown);

    // A second dialog from the sidebar: "Bye!", then Close session.
    const dialogs = page.getByRole('navigation', { name: 'Dialogs' });
    await dialogs.getByRole('button', { name: 'Add dialog' }).click();
    await dialogs.getByLabel('New dialog name').fill('Goodbye');
    await page.keyboard.press('Enter');
    await dialogs.getByRole('button', { name: 'Goodbye' }).and(page.locator('[aria-current="page"]')).waitFor();
    const bye = await addElement(page, 'Send message');
    await writeMessage(page, 'Bye!');
    expect(await page.getByTestId(`start-${bye}`).isVisible()).toBe(true);
    const closeGoodbye = await addElement(page, 'Close session');
    await connect(page, bye, 'next', closeGoodbye);

    // Back in Main: every branch goes To Dialog "Goodbye"; "no" and the fallback close the session.
    await dialogs.getByRole('button', { name: /^Main/ }).click();
    await canvasNode(page, welcome).waitFor();
    await selectElement(page, shipped);
    const toGoodbye = await addElement(page, 'To Dialog');
    await pickOption(page, settings.getByRole('combobox', { name: 'Dialog' }), { label: 'Search or create dialog', query: 'Goodbye' }, 'Goodbye');
    await canvasNode(page, toGoodbye).getByText('Goodbye').waitFor();
    for (const from of [shipped, pending, unknown]) await connect(page, from, 'next', toGoodbye);
    await selectElement(page, ask);
    const close = await addElement(page, 'Close session');
    await connect(page, ask, { label: 'no' }, close);
    await connect(page, ask, { label: 'Fallback' }, close);

    // Tidy (Shift+L lays the dialog out and fits it), nothing left to fix, saved.
    await page.keyboard.press('Shift+L');
    await page.getByRole('button', { name: /^Problems: 0 errors, \d+ warnings?$/ }).waitFor();
    await page.getByRole('button', { name: /^Problems: / }).click();
    const problems = page.getByRole('region', { name: 'Problems' });
    await problems.getByText(/^0 errors \(block publishing\)/).waitFor();
    expect(await problems.getByTestId('problem').filter({ hasText: /^Error: / }).count()).toBe(0);
    await problems.getByRole('button', { name: 'Close problems' }).click();
    expect(await canvasElementIds(page)).toHaveLength(9);
    expect(await page.locator('[aria-label^="Edge from "]').count()).toBe(11);

    // The finished canvas with the Conditions element's settings, and the API element's settings.
    await fitView(page);
    await page.keyboard.press('Escape');
    await settledBox(canvasNode(page, conditions));
    await canvasNode(page, conditions).click({ position: { x: 24, y: 10 } });
    await settings.locator(`[data-element-settings="${conditions}"]`).waitFor();
    await page.screenshot({ path: `${screenshotsDir}editor-canvas.png` });
    expect.soft(await accessibilityProblems(page), 'axe on the editor').toEqual([]);
    await selectElement(page, api);
    await settings.getByRole('tab', { name: 'Request', selected: true }).waitFor();
    await page.screenshot({ path: `${screenshotsDir}editor-api-element.png` });
    expect.soft(await accessibilityProblems(page), 'axe on the API element settings').toEqual([]);

    // Publish with a note.
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const publish = page.getByRole('dialog', { name: 'Publish bot' });
    await publish.getByLabel('Note (optional)').fill('Order status check, first version');
    await publish.getByRole('button', { name: 'Publish', exact: true }).click();
    await publish.waitFor({ state: 'hidden' });
    await page.getByTestId('published-version').filter({ hasText: 'Published: v1' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Version 1 published.' }).waitFor();
    await page.close();
  }, 120_000);

  it('answers on its HTTP channel as drawn', async () => {
    const { stack, context } = started();
    expect(botId).not.toBe('');
    const channel = z
      .object({ id: z.string(), secret: z.string() })
      .parse(await stack.trpc(context, 'channels.create', { botId, type: 'http', name: 'Order site', outboundUrl: peer.url }));
    peer.secret = channel.secret;
    const webhook = `${stack.apiUrl}/webhooks/http/${encodeURIComponent(channel.id)}`;
    const before = orderRequests.length;

    // "yes": the order is looked up once (with an Idempotency-Key), the shipped branch answers, then Goodbye.
    const alice = `alice-${run}`;
    expect(await peer.send(webhook, alice, 'hi')).toBe(202);
    const [hello] = await peer.waitForReplies(alice, 1);
    expect(hello).toMatchObject({ text: greeting, buttons: ['Yes', 'No'], signatureValid: true });
    expect(await peer.send(webhook, alice, 'yes')).toBe(202);
    const toAlice = await peer.waitForReplies(alice, 3);
    expect(toAlice.map((reply) => reply.text)).toEqual([greeting, 'Your order has shipped: shipped', 'Bye!']);
    expect(toAlice.every((reply) => reply.signatureValid && reply.sessionId === hello?.sessionId)).toBe(true);
    const calls = orderRequests.slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'GET', url: '/orders/42', accept: 'application/json' });
    expect(calls[0]?.idempotencyKey).not.toBe('');

    // "no": the session closes without a word; the next message starts a new session (the greeting again).
    const bob = `bob-${run}`;
    expect(await peer.send(webhook, bob, 'hi')).toBe(202);
    await peer.waitForReplies(bob, 1);
    expect(await peer.send(webhook, bob, 'no')).toBe(202);
    expect(await peer.send(webhook, bob, 'hello again')).toBe(202);
    const toBob = await peer.waitForReplies(bob, 2);
    expect(toBob.map((reply) => reply.text)).toEqual([greeting, greeting]);
    expect(toBob[1]?.sessionId).not.toBe(toBob[0]?.sessionId);
    expect(orderRequests.slice(before)).toHaveLength(1);
    expect(peer.repliesTo(alice)).toHaveLength(3);
  }, 60_000);
});
