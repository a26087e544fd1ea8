import type { ElementDefinition } from '../element-definition';
import { resumeWebhook, runWebhook, validateWebhook, webhookAttributeRefs } from './run';
import { webhookSchema, type Webhook } from './schema';

export { webhookSchema, type Webhook } from './schema';

export const webhookElement: ElementDefinition<Webhook> = {
  type: 'webhook',
  title: 'Webhook',
  category: 'actions',
  schema: webhookSchema,
  ports: () => ['next'],
  attributeRefs: webhookAttributeRefs,
  run: runWebhook,
  onEvent: resumeWebhook,
  validate: validateWebhook,
};
