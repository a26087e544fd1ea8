import type { ElementDefinition } from '../element-definition';
import { runSendMessage, sendMessageAttributeRefs } from './run';
import { sendMessageSchema, type SendMessage } from './schema';

export { sendMessageSchema, type SendMessage } from './schema';

export const sendMessageElement: ElementDefinition<SendMessage> = {
  type: 'send-message',
  title: 'Send message',
  category: 'sends',
  schema: sendMessageSchema,
  ports: () => ['next'],
  attributeRefs: sendMessageAttributeRefs,
  run: runSendMessage,
};
