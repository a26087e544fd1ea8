import { createServer } from 'node:http';
import { verifyHttpSignature } from '@parley/channels';
import { demoSettings } from './demo-settings';

/**
 * The demo channel's receiving end: the bot's replies to the demo HTTP channel
 * are POSTed here (signed); this prints them. Stands in for "your system".
 */
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const verified = verifyHttpSignature(body, request.headers, demoSettings.webhookSecret);
    if (!verified.ok) {
      console.log(`refused a reply with a bad signature: ${verified.reason}`);
      response.writeHead(401).end();
      return;
    }
    try {
      const reply: unknown = JSON.parse(body);
      const to = typeof reply === 'object' && reply !== null ? Reflect.get(reply, 'to') : '?';
      const text = typeof reply === 'object' && reply !== null ? Reflect.get(reply, 'text') : '?';
      console.log(`bot → ${String(to)}: ${String(text)}`);
    } catch {
      console.log(`unreadable reply: ${body}`);
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
});
server.listen(demoSettings.inboxPort, '127.0.0.1', () => {
  console.log(`demo inbox listening on http://127.0.0.1:${demoSettings.inboxPort}/replies`);
});
