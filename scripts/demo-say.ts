import { randomUUID } from 'node:crypto';
import { signHttpPayload } from '@parley/channels';
import { demoSettings } from './demo-settings';

/**
 * Talk to the demo bot from a terminal: `npm run say -- "hello" [--from alice]`.
 * Sends a signed message to the demo HTTP channel; the reply shows up in the
 * `inbox` output of `npm start`.
 */
const args = process.argv.slice(2);
const fromIndex = args.indexOf('--from');
const from = fromIndex >= 0 ? (args[fromIndex + 1] ?? 'demo-user') : 'demo-user';
const text = args.filter((_, i) => i !== fromIndex && i !== fromIndex + 1).join(' ') || 'hello';
const messageId = randomUUID();
const body = JSON.stringify({ messageId, from, text });
const headers = signHttpPayload(body, demoSettings.webhookSecret, messageId, new Date());
const response = await fetch(`${demoSettings.apiUrl}/webhooks/http/${demoSettings.channelId}`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body,
});
console.log(`${response.status} ${await response.text()}`);
