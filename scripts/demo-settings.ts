/**
 * Fixed, public settings of the local demo that `npm start` seeds. The webhook
 * secret is a development value known to the demo scripts; never reuse it for
 * a real channel (create channels through the API, which generates secrets).
 */
export const demoSettings = {
  channelId: 'demo-http',
  webhookSecret: 'whsec_cGFybGV5LWRlbW8td2ViaG9vay1zZWNyZXQtMDE=',
  inboxPort: Number(process.env.DEMO_INBOX_PORT ?? 3002),
  apiUrl: process.env.PARLEY_API_URL ?? `http://127.0.0.1:${process.env.API_PORT ?? 3001}`,
};

export const demoOutboundUrl = `http://127.0.0.1:${demoSettings.inboxPort}/replies`;
