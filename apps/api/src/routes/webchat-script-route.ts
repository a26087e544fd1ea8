import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { publicRoute } from './route-access';

/** The widget's source: plain JavaScript, no build step (apps/api/public/webchat.js). */
export const webchatScriptPath = fileURLToPath(new URL('../../public/webchat.js', import.meta.url));

/**
 * GET /webchat.js — the embeddable widget, read once at start-up. Any page may
 * load it (the channel's allowedOrigins guard the API it calls, not the script).
 * Cached briefly so a new version reaches pages within minutes.
 */
export function registerWebchatScriptRoute(app: FastifyInstance): void {
  const source = readFileSync(webchatScriptPath);
  app.get('/webchat.js', publicRoute('the widget script, the same for everyone'), async (_request, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('x-content-type-options', 'nosniff')
      .send(source),
  );
}
