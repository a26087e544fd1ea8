import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoFlow } from '@parley/engine';
import { spawnApp, waitUntilReady } from '../support/spawn-app';
import { startPlatform, type Platform } from '../support/start-platform';
import { addWebchatChannel } from './add-webchat-channel';
import { ownDatabase } from './own-database';
import { quickReplyFlow } from './quick-reply-flow';

/**
 * The widget in a real browser: a page on its own origin (a tiny local HTTP
 * server) embeds `/webchat.js` with one script tag; the API and worker are
 * real processes; the system Chromium drives the page. The demo bot answers.
 */

const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let platform: Platform;
let database: Awaited<ReturnType<typeof ownDatabase>> | undefined;
let pageServer: Server;
let pageUrl = '';
let quickPageUrl = '';
let browser: Browser | undefined;

beforeAll(async () => {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: run scripts/ensure-chromium.sh (apt-get install -y chromium)`);
  database = await ownDatabase();
  platform = await startPlatform({
    databaseUrl: database.url,
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}_webchat_widget`,
    flow: demoFlow,
  });
  const apiUrl = platform.apiUrls[0] ?? '';
  const pages = new Map<string, string>();
  pageServer = createServer((request, response) => {
    const html = pages.get(request.url ?? '');
    if (html === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
  const { port }: AddressInfo = addressOf(pageServer);
  pageUrl = `http://127.0.0.1:${port}/shop`;
  quickPageUrl = `http://127.0.0.1:${port}/quick`;
  const allowedOrigins = [`http://127.0.0.1:${port}`];
  const shopChannel = await addWebchatChannel(platform, { allowedOrigins, title: 'Shop help' });
  const quickChannel = await addWebchatChannel(platform, { allowedOrigins, title: 'Quick help', welcomeText: 'Welcome!' }, quickReplyFlow);
  pages.set('/shop', hostPage(apiUrl, shopChannel));
  pages.set('/quick', hostPage(apiUrl, quickChannel));
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await database?.drop();
  await new Promise<void>((resolve) => (pageServer ? pageServer.close(() => resolve()) : resolve()));
});

/** A host page with the one script tag. It styles buttons and lists loudly: the widget must not inherit any of it. */
function hostPage(apiUrl: string, channelId: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<style>button { background: red !important; font-size: 40px; } li { color: green; }</style></head>
<body><h1>Shop</h1><p>Products.</p>
<script src="${apiUrl}/webchat.js" data-channel="${channelId}" async></script>
</body></html>`;
}

function addressOf(server: Server): AddressInfo {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  return address;
}

/** The visitor token the widget keeps in the page origin's localStorage. */
async function storedToken(page: Page): Promise<string> {
  const token: unknown = await page.evaluate("Object.entries(localStorage).find(([key]) => key.startsWith('parley.webchat.'))?.[1]");
  return typeof token === 'string' ? token : '';
}

function conversation(page: Page) {
  return page.getByRole('log', { name: 'Conversation' });
}

describe('the web chat widget', () => {
  it('chats with the demo bot, and resumes the same conversation after a reload', async () => {
    if (!browser) throw new Error('browser not started');
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(pageUrl);

    // Closed at first: only the launcher.
    const launcher = page.getByRole('button', { name: /open chat/i });
    await launcher.waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await launcher.click();

    const dialog = page.getByRole('dialog', { name: 'Shop help' });
    await dialog.waitFor();
    const input = dialog.getByRole('textbox', { name: 'Message' });
    await expect.poll(() => input.evaluate((element) => element === element.getRootNode().activeElement)).toBe(true);
    // "Connecting…" until the event stream is live.
    await expect.poll(() => dialog.getAttribute('data-state'), { timeout: 15_000 }).toBe('online');

    await input.fill('hi');
    await input.press('Enter');
    const greeting = "Hi! I'm the Parley demo bot. What's your name?";
    await conversation(page).getByText(greeting).waitFor({ timeout: 20_000 });
    expect(await input.inputValue()).toBe('');
    expect(await conversation(page).getByRole('listitem').allTextContents()).toEqual(['You: hi', `Bot: ${greeting}`]);

    // Host-page styles do not reach into the widget.
    const sendColor = await dialog.getByRole('button', { name: 'Send message' }).evaluate((element) => element.ownerDocument.defaultView?.getComputedStyle(element).backgroundColor);
    expect(sendColor).not.toBe('rgb(255, 0, 0)');

    // Escape closes the panel and gives focus back to the launcher.
    await input.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => launcher.evaluate((element) => element === element.getRootNode().activeElement)).toBe(true);
    await launcher.click();
    await dialog.waitFor();

    // Reload: the token in localStorage and the history bring the conversation back.
    const token = await storedToken(page);
    expect(token).toMatch(/^wct2\./);
    await page.reload();
    const reopened = page.getByRole('dialog', { name: 'Shop help' });
    await reopened.waitFor();
    await conversation(page).getByText(greeting).waitFor({ timeout: 15_000 });
    expect(await conversation(page).getByRole('listitem').allTextContents()).toEqual(['You: hi', `Bot: ${greeting}`]);
    // The same visitor, with a fresh token (its expiry slides with every visit).
    expect((await storedToken(page)).split('.')[1]).toBe(token.split('.')[1]);

    // ... and it continues in the same bot session: the bot asked for a name, now it greets.
    await expect.poll(() => reopened.getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
    const again = reopened.getByRole('textbox', { name: 'Message' });
    await again.fill('Ana');
    await again.press('Enter');
    await conversation(page).getByText('Nice to meet you, Ana! Ask me anything, or say bye.').waitFor({ timeout: 20_000 });
    expect(await conversation(page).getByRole('listitem').allTextContents()).toEqual([
      'You: hi',
      `Bot: ${greeting}`,
      'You: Ana',
      'Bot: Nice to meet you, Ana! Ask me anything, or say bye.',
    ]);
    const visitorId = token.split('.')[1] ?? '';
    const sessions = await platform.db.session.findMany({ where: { contact: visitorId } });
    expect(sessions).toHaveLength(1);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('renders quick replies as buttons that send their label, and reconnects after the API restarts', async () => {
    if (!browser) throw new Error('browser not started');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(quickPageUrl);
    await page.getByRole('button', { name: /open chat/i }).click();
    const dialog = page.getByRole('dialog', { name: 'Quick help' });
    await expect.poll(() => dialog.getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
    expect(await conversation(page).getByRole('listitem').allTextContents()).toEqual(['Welcome!']);

    await dialog.getByRole('textbox', { name: 'Message' }).fill('hi');
    await dialog.getByRole('button', { name: 'Send message' }).click();
    const quickReplies = dialog.getByRole('group', { name: 'Quick replies' });
    await quickReplies.getByRole('button', { name: 'Yes' }).waitFor({ timeout: 20_000 });
    expect(await quickReplies.getByRole('button').allTextContents()).toEqual(['Yes', 'No']);
    await quickReplies.getByRole('button', { name: 'Yes' }).click();
    await conversation(page).getByText('echo Yes').waitFor({ timeout: 20_000 });
    expect(await quickReplies.isVisible()).toBe(false);
    expect(await conversation(page).getByRole('listitem').allTextContents()).toEqual(['Welcome!', 'You: hi', 'Bot: ready', 'You: Yes', 'Bot: echo Yes']);

    // The API goes away: the widget says so, then reconnects (with backoff) once it is back.
    const api = platform.apis[0];
    const apiUrl = platform.apiUrls[0] ?? '';
    await api?.stop();
    await expect.poll(() => dialog.getAttribute('data-state'), { timeout: 15_000 }).toBe('offline');
    expect(await dialog.getByRole('status').textContent()).toMatch(/offline/i);
    const restarted = spawnApp('api', { ...platform.env, API_PORT: new URL(apiUrl).port });
    platform.apis.push(restarted);
    await waitUntilReady(`${apiUrl}/readyz`, restarted);
    await expect.poll(() => dialog.getAttribute('data-state'), { timeout: 30_000 }).toBe('online');
    await dialog.getByRole('textbox', { name: 'Message' }).fill('back');
    await dialog.getByRole('textbox', { name: 'Message' }).press('Enter');
    await conversation(page).getByText('echo back').waitFor({ timeout: 20_000 });
    expect(await conversation(page).getByRole('listitem').allTextContents()).toEqual([
      'Welcome!',
      'You: hi',
      'Bot: ready',
      'You: Yes',
      'Bot: echo Yes',
      'You: back',
      'Bot: echo back',
    ]);
    await context.close();
  });
});
