import { CodeAssistantError } from './code-assistant-error';

/**
 * "Improve readability": the script formatted by Prettier (standalone build, babel
 * parser: no config files, no plugins from disk, no network). Behaviour is unchanged.
 * Top-level `return` and `await` are accepted, as in the Code element (the script runs
 * as the body of an async function). Single quotes, like the element's examples.
 * Code that does not parse → CodeAssistantError `invalid-code` naming the position.
 * Prettier is loaded on first use, so processes that never format do not pay for it.
 */
export async function formatCode(code: string): Promise<string> {
  const [{ format }, babel, estree] = await Promise.all([import('prettier/standalone'), import('prettier/plugins/babel'), import('prettier/plugins/estree')]);
  try {
    const formatted = await format(code, { parser: 'babel', plugins: [babel, estree], singleQuote: true, printWidth: 100 });
    return formatted.trimEnd();
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    throw new CodeAssistantError('invalid-code', `The code cannot be formatted: ${message}`);
  }
}
