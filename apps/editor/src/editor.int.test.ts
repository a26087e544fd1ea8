import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { accessibilityProblems, screenshotsDir } from './testing/accessibility-problems';
import { editorDir, ensureEditorBuild, nextBin, nextEnv } from './testing/ensure-editor-build';
import { freePort } from './testing/free-port';
import { startProcess, type StartedProcess } from './testing/start-process';

/**
 * The built editor in a real browser against the real API, on one origin. The API
 * runs as its own process (apps/api, as `npm start` runs it: better-auth under
 * /api/auth, tRPC at /trpc, over the run's database and Redis prefix) with PUBLIC_URL
 * set to the editor's URL; the editor runs as `next start` on the production build
 * (built here first when missing or older than its sources) and forwards /api/auth
 * and /trpc to it. The system Chromium drives the pages; nothing from the server side
 * is imported. Screenshots of each page (1280×720) go to docs/screenshots/.
 */

const chromiumPath = '/usr/bin/chromium';
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const apiMain = fileURLToPath(new URL('../../api/src/main.ts', import.meta.url));
const failuresDir = join(tmpdir(), 'parley-editor-test-failures');
const viewport = { width: 1280, height: 720 };
const run = randomUUID().slice(0, 8);
const owner = { name: 'Olivia Owner', email: `owner-${run}@parley.test`, password: 'correct horse battery' };
const teammate = { name: 'Aaron Agent', email: `agent-${run}@parley.test`, password: 'staple battery horse' };

let api: StartedProcess | undefined;
let editor: StartedProcess | undefined;
let editorUrl = '';
let apiUrl = '';
let browser: Browser | undefined;
let ownerContext: BrowserContext | undefined;
let teammateContext: BrowserContext | undefined;

beforeAll(async () => {
  const [editorPort, apiPort] = await Promise.all([freePort(), freePort(), ensureEditorBuild(), mkdir(screenshotsDir, { recursive: true })]);
  editorUrl = `http://127.0.0.1:${editorPort}`;
  apiUrl = `http://127.0.0.1:${apiPort}`;
  api = await startProcess({
    command: process.execPath,
    args: ['--import', 'tsx', apiMain],
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: inject('editorDatabaseUrl'),
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: `${inject('redisPrefix')}_editor`,
      PARLEY_SECRET_KEY: randomBytes(32).toString('hex'),
      API_HOST: '127.0.0.1',
      API_PORT: String(apiPort),
      PUBLIC_URL: editorUrl,
      EDITOR_PORT: String(editorPort),
    },
    isReady: (output) => output.includes('API listening'),
    timeoutMs: 60_000,
  });
  editor = await startProcess({
    command: process.execPath,
    args: [nextBin, 'start', '-H', '127.0.0.1', '-p', String(editorPort)],
    cwd: editorDir,
    env: nextEnv({ PARLEY_API_URL: apiUrl }),
    isReady: (output) => /Ready in/.test(output),
    timeoutMs: 60_000,
  });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  ownerContext = await newContext();
  teammateContext = await newContext();
}, 300_000);

// A failed test leaves its page open: keep a picture of it (path in the output) and close it.
afterEach(async (context) => {
  const pages = [...(ownerContext?.pages() ?? []), ...(teammateContext?.pages() ?? [])];
  if (context.task.result?.state === 'fail') {
    await mkdir(failuresDir, { recursive: true });
    for (const [index, page] of pages.entries()) {
      const path = join(failuresDir, `${context.task.name.replace(/\W+/g, '-')}-${index}.png`);
      await page.screenshot({ path }).catch(() => undefined);
      console.log(`failure screenshot: ${path}`);
    }
  }
  await Promise.all(pages.map((page) => page.close()));
});

afterAll(async () => {
  await browser?.close();
  await editor?.stop();
  await api?.stop();
});

async function newContext(): Promise<BrowserContext> {
  if (!browser) throw new Error('browser not started');
  const context = await browser.newContext({ viewport, baseURL: editorUrl });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: editorUrl });
  return context;
}

function contextOf(which: 'owner' | 'teammate'): BrowserContext {
  const context = which === 'owner' ? ownerContext : teammateContext;
  if (!context) throw new Error('browser context not started');
  return context;
}

/** Resolves once React has taken over the page (HydrationMarker): clicks and keys are handled from then on. */
async function whenHydrated(page: Page): Promise<void> {
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
}

/** Opens `path` (on the editor) and waits until the page is interactive; the navigation's response. */
async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  await whenHydrated(page);
  return response;
}

/** A screenshot of the page for docs/screenshots, and an accessibility scan of it (no serious or critical axe violations). */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${screenshotsDir}${name}.png` });
  expect.soft(await accessibilityProblems(page), `axe on ${name}`).toEqual([]);
}

async function h1(page: Page): Promise<string> {
  return ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
}

/** The link texts of the main navigation, in order. */
async function mainNavigation(page: Page): Promise<string[]> {
  return (await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).map((text) => text.trim());
}

/** A tRPC mutation from the owner's browser context (its session cookie, and the editor's Origin as a page would send it). */
async function ownerMutation(path: string, input: unknown): Promise<unknown> {
  const response = await contextOf('owner').request.post(`/trpc/${path}`, { data: input, headers: { origin: editorUrl } });
  const body: unknown = await response.json();
  if (!response.ok()) throw new Error(`${path} answered ${response.status()}: ${JSON.stringify(body)}`);
  return z.object({ result: z.object({ data: z.unknown() }) }).parse(body).result.data;
}

describe('signed out', () => {
  it('sends a visitor to sign in, coming back afterwards', async () => {
    const page = await contextOf('owner').newPage();
    await visit(page, '/settings/members');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/settings/members');
    expect(await h1(page)).toBe('Sign in to Parley');
    await screenshot(page, 'sign-in');

    // Validation names the field; the server's refusal is shown as it says it.
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByText('Email is required').isVisible()).toBe(true);
    expect(await page.getByText('Password is required').isVisible()).toBe(true);
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Email').fill('nobody@parley.test');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: /invalid email or password/i }).waitFor();
    await page.close();
  });
});

describe('an owner and an agent', () => {
  let invitationLink = '';

  it('signs up and lands on Bots in a new workspace', async () => {
    const page = await contextOf('owner').newPage();
    await visit(page, '/sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await page.getByText('Name is required').isVisible()).toBe(true);
    expect(await page.getByText('Email is required').isVisible()).toBe(true);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Password must be at least 10 characters').waitFor();
    await screenshot(page, 'sign-up');

    await page.getByLabel('Name').fill(owner.name);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${editorUrl}/bots`);
    await whenHydrated(page);
    expect(await h1(page)).toBe('Bots');
    expect(await page.getByRole('heading', { name: 'No bots yet' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^Workspace: Olivia Owner's workspace/ }).isVisible()).toBe(true);
    expect(await mainNavigation(page)).toEqual(['Bots', 'Components', 'Inbox', 'Settings']);
    await screenshot(page, 'bots-empty');

    // A bot, by keyboard: the dialog opens from the button, the form submits with Enter.
    await page.getByRole('button', { name: 'New bot' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Name').fill('Support bot');
    await page.getByLabel('Description (optional)').fill('Answers billing questions');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/bots\/[^/]+$/);
    await whenHydrated(page);
    expect(await h1(page)).toBe('Support bot');
    await page.getByRole('link', { name: 'All bots' }).click();
    await page.getByRole('row', { name: /Support bot/ }).waitFor();
    await screenshot(page, 'bots');
    await page.close();
  });

  it('invites a teammate as agent and copies the link', async () => {
    const page = await contextOf('owner').newPage();
    await visit(page, '/bots');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(`${editorUrl}/settings/members`);
    await whenHydrated(page);
    await page.getByRole('row', { name: new RegExp(owner.name) }).waitFor();

    await page.getByLabel('Email').fill(teammate.email);
    await page.getByRole('combobox', { name: 'Role', exact: true }).click();
    await page.getByRole('option', { name: 'agent' }).click();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const link = page.getByLabel('Invitation link');
    await link.waitFor();
    invitationLink = await link.inputValue();
    expect(invitationLink).toMatch(new RegExp(`^${editorUrl}/invite/`));
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(invitationLink);
    await page.getByRole('row', { name: new RegExp(teammate.email) }).filter({ hasText: 'pending' }).waitFor();
    await screenshot(page, 'members');
    await page.close();
  });

  it('the teammate accepts by signing up, and sees only what an agent may', async () => {
    const page = await contextOf('teammate').newPage();
    await visit(page, invitationLink);
    expect(await h1(page)).toBe("Join Olivia Owner's workspace");
    expect(await page.getByText(teammate.email).first().isVisible()).toBe(true);
    await screenshot(page, 'invite');

    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.waitForURL(/\/sign-up\?/);
    await whenHydrated(page);
    expect(await page.getByLabel('Email').inputValue()).toBe(teammate.email);
    await page.getByLabel('Name').fill(teammate.name);
    await page.getByLabel('Password').fill(teammate.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(invitationLink);
    await whenHydrated(page);
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.waitForURL(`${editorUrl}/inbox`);
    await whenHydrated(page);
    expect(await page.getByRole('button', { name: /^Workspace: Olivia Owner's workspace/ }).isVisible()).toBe(true);
    expect(await mainNavigation(page)).toEqual(['Inbox', 'Account']);
    await screenshot(page, 'inbox-agent');

    // The editor hides Bots from an agent; the server refuses it regardless.
    await visit(page, '/bots');
    const refusal = page.getByRole('alert').filter({ hasText: 'Your role does not allow this' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/bots\.list needs the analyst role or higher; yours is agent/);
    await screenshot(page, 'bots-refused-agent');
    await visit(page, '/settings/members');
    await page.getByRole('alert').filter({ hasText: 'yours is agent' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Settings' }).getByRole('link').allTextContents()).toEqual(['Account']);
    await page.close();
  });

  it('the owner sees the new member and reveals a channel secret, found in the audit log', async () => {
    const bots = z.array(z.object({ id: z.string(), name: z.string() }));
    const page = await contextOf('owner').newPage();
    await visit(page, '/settings/members');
    await page.getByRole('row', { name: new RegExp(teammate.name) }).waitFor();
    expect(await page.getByRole('combobox', { name: `Role of ${teammate.name}` }).textContent()).toContain('agent');

    const listed = await contextOf('owner').request.get('/trpc/bots.list');
    const [bot] = bots.parse(z.object({ result: z.object({ data: z.unknown() }) }).parse(await listed.json()).result.data);
    if (!bot) throw new Error('no bot');
    const channel = z
      .object({ id: z.string(), secret: z.string() })
      .parse(await ownerMutation('channels.create', { botId: bot.id, type: 'http', name: 'Website', outboundUrl: 'https://example.com/replies' }));

    await visit(page, '/settings/channels');
    await page.getByRole('row', { name: /Website/ }).waitFor();
    await page.getByRole('button', { name: 'Reveal webhookSecret of Website' }).click();
    await page.getByRole('alertdialog', { name: 'Reveal webhookSecret of Website?' }).waitFor();
    await screenshot(page, 'channels-confirm');
    await page.getByRole('button', { name: 'Reveal secret' }).click();
    const secret = page.getByLabel('Secret value');
    await secret.waitFor();
    expect(await secret.inputValue()).toBe(channel.secret);
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByLabel('Secret value').count()).toBe(0);
    await screenshot(page, 'channels');

    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(`${editorUrl}/settings/audit`);
    await whenHydrated(page);
    const revealed = page.getByRole('row').filter({ hasText: 'secret.revealed' });
    await revealed.waitFor();
    expect(await revealed.textContent()).toContain(owner.email);
    expect(await revealed.textContent()).toContain('webhookSecret');
    expect(await revealed.textContent()).not.toContain(channel.secret);
    expect(await page.getByRole('row').filter({ hasText: 'invitation.accepted' }).count()).toBe(1);
    await screenshot(page, 'audit');
    await page.close();
  });

  it('the owner creates an API key, shown once, and revokes it after confirming', async () => {
    const page = await contextOf('owner').newPage();
    await visit(page, '/settings/api-keys');
    await page.getByRole('heading', { name: 'No API keys yet' }).waitFor();
    await page.getByLabel('Name').fill('CI deploys');
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = page.getByLabel('New API key');
    await key.waitFor();
    const value = await key.inputValue();
    expect(value.length).toBeGreaterThan(20);
    const row = page.getByRole('row', { name: /CI deploys/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('builder');
    expect(await row.textContent()).toContain('Never');
    await screenshot(page, 'api-keys');

    await page.getByRole('button', { name: 'Revoke the key CI deploys' }).click();
    await page.getByRole('button', { name: 'Revoke key' }).click();
    await row.filter({ hasText: 'revoked' }).waitFor();
    // Shown once: a fresh load of the page has the prefix only.
    await page.reload();
    expect(await page.content()).not.toContain(value);
    await page.close();
  });

  it('the account page changes the name and the password', async () => {
    const page = await contextOf('owner').newPage();
    await visit(page, '/settings/account');
    expect(await page.getByLabel('Email').inputValue()).toBe(owner.email);
    await page.getByLabel('Name').fill('Olivia O.');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('status').filter({ hasText: 'Your name was saved.' }).waitFor();
    await page.getByRole('button', { name: /Account menu for Olivia O\./ }).waitFor();

    await page.getByLabel('Current password').fill('wrong password!');
    await page.getByLabel('New password', { exact: true }).fill('another good password');
    await page.getByLabel('Confirm new password').fill('another good passw0rd');
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(await page.getByText('Confirmation does not match the new password').isVisible()).toBe(true);
    await page.getByLabel('Confirm new password').fill('another good password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('alert').filter({ hasText: /password/i }).waitFor();
    await page.getByLabel('Current password').fill(owner.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password was changed.' }).waitFor();
    owner.password = 'another good password';
    await screenshot(page, 'account');
    await page.close();
  });

  it('switches and creates workspaces from the header menu, and signs out', async () => {
    const page = await contextOf('owner').newPage();
    await visit(page, '/bots');
    await page.getByRole('button', { name: /^Workspace: / }).click();
    await page.getByRole('menuitem', { name: 'Create workspace…' }).click();
    await page.getByLabel('Workspace name').fill('Second shop');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('button', { name: /^Workspace: Second shop/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'No bots yet' }).isVisible()).toBe(true);

    // By keyboard: Enter opens the menu on its first item (workspaces by name), Enter picks it.
    await page.getByRole('button', { name: /^Workspace: / }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitemradio', { name: /Olivia Owner's workspace/ }).and(page.locator(':focus')).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^Workspace: Olivia Owner's workspace/ }).waitFor();
    await page.getByRole('row', { name: /Support bot/ }).waitFor();

    await page.getByRole('button', { name: /^Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(`${editorUrl}/sign-in`);
    await whenHydrated(page);
    await visit(page, '/bots');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    // Signing in again with the new password comes back to the page asked for.
    await visit(page, '/sign-in?next=%2Fsettings%2Faudit');
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${editorUrl}/settings/audit`);
    await whenHydrated(page);
    await page.close();
  });
});

describe('failures', () => {
  it('answers 404 for a bot that does not exist', async () => {
    const page = await contextOf('owner').newPage();
    const response = await visit(page, '/bots/no-such-bot');
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    await page.close();
  });

  it('shows an error naming the API URL when the API is down, not a crash page', async () => {
    await api?.stop();
    const page = await contextOf('owner').newPage();
    const response = await visit(page, '/bots');
    expect(response?.status()).toBe(200);
    // (Next's route announcer is an empty role=alert too: pick ours by its name.)
    const alert = page.getByRole('alert', { name: 'Cannot reach the Parley API' });
    expect(await alert.isVisible()).toBe(true);
    expect(await alert.textContent()).toContain(`${apiUrl}/trpc`);
    expect(await alert.textContent()).toContain('ECONNREFUSED');
    expect(await h1(page)).toBe('Bots');

    // Forms say so too: the editor's /api/auth answers 502 with a message.
    await visit(page, '/sign-in');
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Cannot reach the Parley API' }).waitFor();
    await page.close();
  });
});
