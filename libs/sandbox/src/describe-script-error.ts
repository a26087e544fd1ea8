import { scriptFileName } from './sandbox-runtime-source';

/** Longest error message reported, in characters. */
export const maxErrorMessageLength = 1_000;

const trailingPosition = new RegExp(`\\s*\\[${scriptFileName.replace('.', '\\.')}:(\\d+):(\\d+)\\]$`);
const stackPosition = new RegExp(`${scriptFileName.replace('.', '\\.')}:(\\d+):(\\d+)`);

/**
 * A thrown value as one line a bot author can act on: `TypeError: x is not a function
 * (line 3, column 5)`. The position is the script's own (the first line is 1), taken from
 * the compile error's `[code.js:L:C]` suffix or the first stack frame inside the script.
 * isolated-vm hands errors over as host copies (strings and numbers only), so reading
 * them here runs no script code. Capped at `maxErrorMessageLength`.
 */
export function describeScriptError(error: unknown): string {
  let text: string;
  let position: RegExpExecArray | null = null;
  if (error instanceof Error) {
    const message = error.message.replace(trailingPosition, '');
    position = trailingPosition.exec(error.message) ?? (typeof error.stack === 'string' ? stackPosition.exec(error.stack) : null);
    text = message ? `${error.name}: ${message}` : error.name;
  } else {
    text = `Uncaught ${String(error)}`;
  }
  const where = position ? ` (line ${position[1]}, column ${position[2]})` : '';
  const line = `${text}${where}`;
  return line.length > maxErrorMessageLength ? `${line.slice(0, maxErrorMessageLength)}…` : line;
}
