import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { signHttpPayload } from '@parley/channels';
import { demoSettings } from './demo-settings';

/**
 * Talk to the demo bot from a terminal: `npm run say -- "hello" [--from alice]`.
 * Sends exactly the words given (all of them, joined by spaces; "hello" when there
 * are none) as a signed message to the demo HTTP channel; the reply shows up in the
 * `inbox` output of `npm start`.
 */
const { values, positionals } = parseArgs({ options: { from: { type: 'string', default: 'demo-user' } }, allowPositionals: true });
const from = values.from;
const text = positionals.join(' ') || 'hello';
const messageId = randomUUID();
const body = JSON.stringify({ messageId, from, text });
const headers = signHttpPayload(body, demoSettings.webhookSecret, messageId, new Date());
const response = await fetch(`${demoSettings.apiUrl}/webhooks/http/${demoSettings.channelId}`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body,
});
console.log(`${response.status} ${await response.text()}`);
