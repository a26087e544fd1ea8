import { botsRouter } from './bots/bots-router';
import { channelsRouter } from './channels/channels-router';
import { router } from './trpc';

/** Every procedure of the Parley API, by domain. Hosts serve it at `/trpc`. */
export const appRouter = router({
  bots: botsRouter,
  channels: channelsRouter,
});

export type AppRouter = typeof appRouter;
