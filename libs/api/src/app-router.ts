import { apiElementRouter } from './api-element/api-element-router';
import { apiKeysRouter } from './api-keys/api-keys-router';
import { auditRouter } from './audit/audit-router';
import { invitationsRouter } from './invitations/invitations-router';
import { membersRouter } from './members/members-router';
import { workspacesRouter } from './workspaces/workspaces-router';
import { botsRouter } from './bots/bots-router';
import { certificatesRouter } from './certificates/certificates-router';
import { channelsRouter } from './channels/channels-router';
import { codeAssistantRouter } from './code-assistant/code-assistant-router';
import { componentsRouter } from './components/components-router';
import { router } from './trpc';

/** Every procedure of the Parley API, by domain. Hosts serve it at `/trpc`. */
export const appRouter = router({
  workspaces: workspacesRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  apiKeys: apiKeysRouter,
  audit: auditRouter,
  bots: botsRouter,
  channels: channelsRouter,
  certificates: certificatesRouter,
  components: componentsRouter,
  apiElement: apiElementRouter,
  codeAssistant: codeAssistantRouter,
});

export type AppRouter = typeof appRouter;
