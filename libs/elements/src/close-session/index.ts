import type { ElementDefinition } from '../element-definition';
import { runCloseSession } from './run';
import { closeSessionSchema, type CloseSession } from './schema';

export { closeSessionSchema, type CloseSession } from './schema';

export const closeSessionElement: ElementDefinition<CloseSession> = {
  type: 'close-session',
  title: 'Close session',
  category: 'actions',
  schema: closeSessionSchema,
  ports: () => [],
  attributeRefs: () => [],
  run: runCloseSession,
};
