import type { ElementDefinition } from '../element-definition';
import { runToAgent, toAgentAttributeRefs } from './run';
import { toAgentSchema, type ToAgent } from './schema';

export { agentQueueNameSchema, toAgentSchema, type ToAgent } from './schema';

export const toAgentElement: ElementDefinition<ToAgent> = {
  type: 'to-agent',
  title: 'To Agent',
  category: 'actions',
  schema: toAgentSchema,
  ports: () => [],
  attributeRefs: toAgentAttributeRefs,
  run: runToAgent,
};
