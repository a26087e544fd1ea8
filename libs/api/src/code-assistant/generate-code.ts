import { readCodeAssistantConfig } from './code-assistant-config';
import { CodeAssistantError } from './code-assistant-error';
import type { ChatMessage } from './code-assistant-prompts';
import { assistantCodeSchema } from './code-assistant-schemas';
import { formatCode } from './format-code';
import { requestChatCompletion } from './request-chat-completion';
import { stripCodeFences } from './strip-code-fences';

/**
 * Asks the configured model for a script (Create, Edit, Fix): the answer without its
 * markdown fences, formatted like "Improve readability" when it parses (as the model
 * wrote it otherwise: the author reviews it anyway). Throws CodeAssistantError:
 * `not-configured` before any request when the environment lacks the endpoint, the
 * request's own errors, and `upstream` when the answer is empty or longer than a Code
 * element accepts.
 */
export async function generateCode(messages: ChatMessage[]): Promise<string> {
  const configured = readCodeAssistantConfig();
  if (!configured.ok) throw new CodeAssistantError('not-configured', configured.message);
  const code = stripCodeFences(await requestChatCompletion(configured.config, messages));
  const formatted = await formatCode(code).catch(() => code);
  if (!assistantCodeSchema.safeParse(formatted).success) {
    throw new CodeAssistantError('upstream', 'The code assistant sent an empty script or one longer than 20 000 characters');
  }
  return formatted;
}
