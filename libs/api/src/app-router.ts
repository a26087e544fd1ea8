import { botsRouter } from './bots/bots-router';
import { channelsRouter } from './channels/channels-router';
import { componentsRouter } from './components/components-router';
import { router } from './trpc';

/** Every procedure of the Parley API, by domain. Hosts serve it at `/trpc`. */
export const appRouter = router({
  bots: botsRouter,
  channels: channelsRouter,
  components: componentsRouter,
});

export type AppRouter = typeof appRouter;
