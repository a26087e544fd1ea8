import { Agent, errors, request } from 'undici';
import { z } from 'zod';
import type { CodeAssistantConfig } from './code-assistant-config';
import { CodeAssistantError } from './code-assistant-error';
import type { ChatMessage } from './code-assistant-prompts';

/** Largest answer read from the endpoint. */
const maxResponseBytes = 1_048_576;

/** The part of an OpenAI chat completions response the assistant reads. */
const chatCompletionResponseSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable().optional() }) })).min(1),
});
const errorBodySchema = z.object({ error: z.object({ message: z.string() }) });

/**
 * Connections to the assistant's endpoint only. The base URL is operator configuration
 * (the environment), never tenant input, so these requests deliberately bypass
 * @parley/http and its SSRF guard: an operator may point the assistant at a model
 * server on loopback or a private network, which that guard exists to refuse for
 * tenant-controlled URLs.
 */
const agent = new Agent({ keepAliveTimeout: 10_000, connections: 16 });

/**
 * `POST {baseUrl}/chat/completions` with `Authorization: Bearer {apiKey}` and
 * `{ model, messages, temperature: 0.2 }`; resolves with `choices[0].message.content`.
 * Redirects are not followed; the answer is capped at 1 MiB. Failures are
 * CodeAssistantError: `timeout` after `timeoutMs`, `upstream` for network errors,
 * non-2xx statuses (with the endpoint's `error.message` when it sends one) and answers
 * without content. Messages never include the API key.
 */
export async function requestChatCompletion(config: CodeAssistantConfig, messages: ChatMessage[]): Promise<string> {
  const url = `${config.baseUrl}/chat/completions`;
  const origin = new URL(url).origin;
  let status: number;
  let text: string;
  try {
    const response = await request(url, {
      method: 'POST',
      dispatcher: agent,
      headers: { authorization: `Bearer ${config.apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ model: config.model, messages, temperature: 0.2 }),
      headersTimeout: config.timeoutMs,
      bodyTimeout: config.timeoutMs,
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    status = response.statusCode;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      const buffer = Buffer.from(chunk);
      size += buffer.length;
      if (size > maxResponseBytes) {
        response.body.destroy();
        throw new CodeAssistantError('upstream', `The code assistant at ${origin} answered with more than 1 MiB`);
      }
      chunks.push(buffer);
    }
    text = Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    if (error instanceof CodeAssistantError) throw error;
    if (isTimeout(error)) throw new CodeAssistantError('timeout', `The code assistant at ${origin} did not answer within ${config.timeoutMs} ms`);
    const reason = error instanceof Error ? error.message : String(error);
    throw new CodeAssistantError('upstream', `Could not reach the code assistant at ${origin}: ${reason}`);
  }
  const body = parseJson(text);
  if (status < 200 || status > 299) {
    const detail = errorBodySchema.safeParse(body);
    const suffix = detail.success ? `: ${detail.data.error.message.slice(0, 300)}` : '';
    throw new CodeAssistantError('upstream', `The code assistant at ${origin} answered ${status}${suffix}`);
  }
  const parsed = chatCompletionResponseSchema.safeParse(body);
  const content = parsed.success ? parsed.data.choices[0]?.message.content : undefined;
  if (typeof content !== 'string' || content.trim() === '') {
    throw new CodeAssistantError('upstream', `The code assistant at ${origin} sent no code (not a chat completion with content)`);
  }
  return content;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isTimeout(error: unknown): boolean {
  return (
    error instanceof errors.HeadersTimeoutError ||
    error instanceof errors.BodyTimeoutError ||
    (error instanceof Error && (error.name === 'TimeoutError' || (error.name === 'AbortError' && error.cause instanceof Error && error.cause.name === 'TimeoutError')))
  );
}
