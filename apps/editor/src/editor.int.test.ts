import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '@parley/api';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { workspaceHeader } from './create-api-client';
import { editorDir, ensureEditorBuild, nextBin, nextEnv } from './testing/ensure-editor-build';
import { freePort } from './testing/free-port';
import { startProcess, type StartedProcess } from './testing/start-process';

/**
 * The built editor in a real browser against the real API. The API runs as its
 * own process (libs/api's test host: the real appRouter on Fastify over the
 * run's database), the editor as `next start` on the production build (built
 * here first when missing or older than its sources), and the system Chromium
 * drives the pages. Nothing from the server side is imported: the test talks
 * to the API over HTTP, like the editor does.
 */

const chromiumPath = '/usr/bin/chromium';
const apiHostScript = fileURLToPath(new URL('../../../libs/api/src/testing/serve-api-for-tests.ts', import.meta.url));
const workspace = `editor-test-${randomUUID().slice(0, 8)}`;

let api: StartedProcess | undefined;
let apiUrl = '';
let editor: StartedProcess | undefined;
let editorUrl = '';
let browser: Browser | undefined;

beforeAll(async () => {
  const [port] = await Promise.all([freePort(), ensureEditorBuild()]);
  api = await startProcess({
    command: process.execPath,
    args: ['--import', 'tsx', apiHostScript],
    cwd: editorDir,
    env: { ...process.env, DATABASE_URL: inject('databaseUrl'), PARLEY_TEST_WORKSPACE: workspace },
    isReady: (output) => /^\{"url":/m.test(output),
    timeoutMs: 30_000,
  });
  apiUrl = z.object({ url: z.url() }).parse(JSON.parse(api.output().split('\n').find((line) => line.startsWith('{"url":')) ?? '')).url;

  editorUrl = `http://127.0.0.1:${port}`;
  editor = await startProcess({
    command: process.execPath,
    args: [nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)],
    cwd: editorDir,
    env: nextEnv({ PARLEY_API_URL: apiUrl, PARLEY_WORKSPACE: workspace }),
    isReady: (output) => /Ready in/.test(output),
    timeoutMs: 60_000,
  });

  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await editor?.stop();
  await api?.stop();
});

/** A tRPC client for seeding through the API, acting in the test's workspace. */
function apiClient() {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${apiUrl}/trpc`, headers: { [workspaceHeader]: workspace } })],
  });
}

async function openBotsPage(): Promise<{ page: Page; status: number | undefined }> {
  if (!browser) throw new Error('browser not started');
  const page = await browser.newPage();
  const response = await page.goto(editorUrl, { waitUntil: 'load' });
  return { page, status: response?.status() };
}

describe('the Bots page', () => {
  it('shows the empty state for a workspace without bots', async () => {
    const { page, status } = await openBotsPage();
    expect(status).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bots');
    expect(await page.getByRole('heading', { name: 'No bots yet' }).isVisible()).toBe(true);
    expect(await page.getByRole('table').count()).toBe(0);
    await page.close();
  });

  it('lists the bots with their published version, linking to each', async () => {
    const client = apiClient();
    await client.bots.create.mutate({ name: 'Seeded support bot', description: 'Answers billing questions' });
    const published = await client.bots.create.mutate({ name: 'Published greeter' });
    await client.bots.publish.mutate({ id: published.id });

    const { page, status } = await openBotsPage();
    expect(status).toBe(200);
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(3); // header + 2 bots
    const seeded = page.getByRole('row', { name: /Seeded support bot/ });
    expect(await seeded.textContent()).toContain('Answers billing questions');
    expect(await seeded.textContent()).toContain('Draft only');
    expect(await page.getByRole('row', { name: /Published greeter/ }).textContent()).toContain('Version 1');

    // Names are real links, reachable by keyboard, to the bot's page.
    const link = page.getByRole('link', { name: 'Seeded support bot' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/bots\//);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Seeded support bot');
    expect(await page.locator('dl.facts').textContent()).toContain('Draft only');
    await page.close();
  });

  it('answers 404 for a bot that does not exist', async () => {
    if (!browser) throw new Error('browser not started');
    const page = await browser.newPage();
    const response = await page.goto(`${editorUrl}/bots/no-such-bot`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { name: 'Not found' }).isVisible()).toBe(true);
    await page.close();
  });

  it('shows an error naming the API URL when the API is down, not a crash page', async () => {
    await api?.stop();
    const { page, status } = await openBotsPage();
    expect(status).toBe(200);
    // (Next's route announcer is an empty role=alert too: pick ours by its name.)
    const alert = page.getByRole('alert', { name: 'Cannot reach the Parley API' });
    expect(await alert.isVisible()).toBe(true);
    expect(await alert.textContent()).toContain(`${apiUrl}/trpc`);
    expect(await alert.textContent()).toContain('ECONNREFUSED');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bots');
    await page.close();
  });
});
