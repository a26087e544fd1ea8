import type { Platform } from '../../support/start-platform';
import { ensureServices } from './services';

/**
 * Ends a fault test whatever state it left: Postgres and Redis running first
 * (a graceful shutdown needs them), then the platform stopped with SIGTERM, and
 * SIGKILL for any process still running after `graceMs`.
 */
export async function stopPlatform(platform: Platform | undefined, graceMs = 15_000): Promise<void> {
  await ensureServices();
  if (!platform) return;
  let timer: NodeJS.Timeout | undefined;
  const overdue = new Promise<'overdue'>((resolve) => {
    timer = setTimeout(() => resolve('overdue'), graceMs);
  });
  const outcome = await Promise.race([platform.stop().then(() => 'stopped' as const), overdue]);
  clearTimeout(timer);
  if (outcome === 'overdue') {
    await Promise.all([...platform.apis, ...platform.workers].map((app) => app.kill()));
    await platform.receiver.stop();
    await platform.db.$disconnect();
  }
}
