import { apiElementRouter } from './api-element/api-element-router';
import { botsRouter } from './bots/bots-router';
import { certificatesRouter } from './certificates/certificates-router';
import { channelsRouter } from './channels/channels-router';
import { codeAssistantRouter } from './code-assistant/code-assistant-router';
import { componentsRouter } from './components/components-router';
import { router } from './trpc';

/** Every procedure of the Parley API, by domain. Hosts serve it at `/trpc`. */
export const appRouter = router({
  bots: botsRouter,
  channels: channelsRouter,
  certificates: certificatesRouter,
  components: componentsRouter,
  apiElement: apiElementRouter,
  codeAssistant: codeAssistantRouter,
});

export type AppRouter = typeof appRouter;
