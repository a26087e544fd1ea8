import { CurlImportError } from './curl-import-error';

/** One word of a shell command after quote removal; `position` is where it starts (from 1). */
export type ShellWord = { value: string; position: number };

export type TokenizedCommand = { words: ShellWord[]; warnings: string[] };

const operatorStart = new Set(['|', ';', '<', '>']);

/**
 * Splits a POSIX shell command line into words the way bash would before running it,
 * without expanding anything:
 * - whitespace separates words; a backslash-newline (also before CR LF) is a line
 *   continuation and vanishes; an unescaped newline is read as a space (lenient: pasted
 *   commands often lose their backslashes);
 * - '…' keeps everything literally; "…" keeps everything but \" \\ \$ \` and
 *   backslash-newline; $'…' decodes ANSI-C escapes (\n \t \xHH \uHHHH \0NN …);
 *   $"…" is read like "…"; outside quotes a backslash keeps the next character;
 * - `#` at the start of a word starts a comment up to the end of the line;
 * - `$NAME`, `${…}` and `$(…)` are kept as written (the shell would expand them; there
 *   is no environment here) and reported in `warnings`;
 * - an unquoted | ; < > && || (or a lone &) ends the command: the rest is ignored and
 *   reported; a & inside a word (an unquoted URL query) is kept, with a warning.
 * Throws CurlImportError for an unterminated quote, naming its position. Pure.
 */
export function tokenizeShellCommand(command: string): TokenizedCommand {
  const words: ShellWord[] = [];
  const warnings: string[] = [];
  let current: string | undefined;
  let start = 0;
  let index = 0;

  const begin = (): void => {
    if (current === undefined) {
      current = '';
      start = index + 1;
    }
  };
  const finish = (): void => {
    if (current !== undefined) words.push({ value: current, position: start });
    current = undefined;
  };
  const warnExpansion = (at: number): void => {
    const match = /^\$(?:\{[^}]*\}?|\([^)]*\)?|[A-Za-z_][A-Za-z0-9_]*)/.exec(command.slice(at));
    if (match) warnings.push(`${match[0]} at position ${at + 1} is kept as written: a shell would replace it with a value.`);
  };

  while (index < command.length) {
    const char = command.charAt(index);
    const next = command.charAt(index + 1);

    if (char === '\\') {
      if (next === '\n') {
        index += 2;
        continue;
      }
      if (next === '\r' && command.charAt(index + 2) === '\n') {
        index += 3;
        continue;
      }
      begin();
      current += next;
      index += next === '' ? 1 : 2;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      finish();
      index += 1;
      continue;
    }
    if (char === '#' && current === undefined) {
      const end = command.indexOf('\n', index);
      index = end < 0 ? command.length : end + 1;
      continue;
    }
    if (operatorStart.has(char) || (char === '&' && (next === '&' || current === undefined || /[\s]/.test(next) || next === ''))) {
      finish();
      const rest = command.slice(index).trim();
      warnings.push(`Everything from position ${index + 1} on (${abbreviate(rest)}) was ignored: it is not part of the curl command.`);
      break;
    }
    if (char === '&') {
      warnings.push(`The unquoted & at position ${index + 1} was kept in the word; a shell would end the command there (quote the URL).`);
      begin();
      current += char;
      index += 1;
      continue;
    }
    if (char === "'") {
      begin();
      const end = command.indexOf("'", index + 1);
      if (end < 0) throw unterminated("'", index);
      current += command.slice(index + 1, end);
      index = end + 1;
      continue;
    }
    if (char === '"' || (char === '$' && next === '"')) {
      begin();
      const open = char === '"' ? index : index + 1;
      const read = readDoubleQuoted(command, open, warnExpansion);
      current += read.text;
      index = read.end + 1;
      continue;
    }
    if (char === '$' && next === "'") {
      begin();
      const read = readAnsiC(command, index + 1);
      current += read.text;
      index = read.end + 1;
      continue;
    }
    if (char === '$') warnExpansion(index);
    begin();
    current += char;
    index += 1;
  }
  finish();
  return { words, warnings };
}

/** The text of the "…" opening at `open`, and the index of its closing quote. */
function readDoubleQuoted(command: string, open: number, warnExpansion: (at: number) => void): { text: string; end: number } {
  let text = '';
  let index = open + 1;
  while (index < command.length) {
    const char = command.charAt(index);
    if (char === '"') return { text, end: index };
    if (char === '\\') {
      const next = command.charAt(index + 1);
      if (next === '\n') {
        index += 2;
        continue;
      }
      if (next === '\r' && command.charAt(index + 2) === '\n') {
        index += 3;
        continue;
      }
      if (next === '"' || next === '\\' || next === '$' || next === '`') {
        text += next;
        index += 2;
        continue;
      }
      text += char;
      index += 1;
      continue;
    }
    if (char === '$') warnExpansion(index);
    text += char;
    index += 1;
  }
  throw unterminated('"', open);
}

const simpleEscapes: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** The decoded text of the $'…' whose quote opens at `open`, and the index of its closing quote. */
function readAnsiC(command: string, open: number): { text: string; end: number } {
  let text = '';
  let index = open + 1;
  while (index < command.length) {
    const char = command.charAt(index);
    if (char === "'") return { text, end: index };
    if (char !== '\\') {
      text += char;
      index += 1;
      continue;
    }
    const next = command.charAt(index + 1);
    const simple = simpleEscapes[next];
    if (simple !== undefined) {
      text += simple;
      index += 2;
      continue;
    }
    const numeric =
      /^[0-7]{1,3}/.exec(command.slice(index + 1)) ??
      /^x[0-9A-Fa-f]{1,2}/.exec(command.slice(index + 1)) ??
      /^u[0-9A-Fa-f]{1,4}/.exec(command.slice(index + 1)) ??
      /^U[0-9A-Fa-f]{1,8}/.exec(command.slice(index + 1));
    if (numeric) {
      const digits = numeric[0];
      const code = /^[0-7]/.test(digits) ? Number.parseInt(digits, 8) : Number.parseInt(digits.slice(1), 16);
      text += code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
      index += 1 + digits.length;
      continue;
    }
    if (next === 'c' && index + 2 < command.length) {
      text += String.fromCharCode(command.charCodeAt(index + 2) & 0x1f);
      index += 3;
      continue;
    }
    text += char + next;
    index += next === '' ? 1 : 2;
  }
  throw unterminated("$'", open - 1);
}

function unterminated(quote: string, at: number): CurlImportError {
  return new CurlImportError(`unterminated quote at position ${at + 1}: the ${quote} opened there is never closed`);
}

function abbreviate(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 40 ? `${line.slice(0, 37)}...` : line;
}
