import { describe, expect, it } from 'vitest';
import { CurlImportError } from './curl-import-error';
import { tokenizeShellCommand } from './tokenize-shell-command';

const words = (command: string): string[] => tokenizeShellCommand(command).words.map((word) => word.value);

function failure(command: string): string {
  try {
    tokenizeShellCommand(command);
  } catch (error) {
    if (error instanceof CurlImportError) return error.message;
    throw error;
  }
  throw new Error('expected a CurlImportError');
}

describe('tokenizeShellCommand', () => {
  it('splits on whitespace and removes quotes like bash', () => {
    expect(words(`curl  -H 'A: b c'  "x y"z\tend`)).toEqual(['curl', '-H', 'A: b c', 'x yz', 'end']);
    expect(words(`a'b'"c"d`)).toEqual(['abcd']);
    expect(words(`'' ""`)).toEqual(['', '']);
  });

  it('records where each word starts, counting from 1', () => {
    expect(tokenizeShellCommand(`curl  -X POST`).words).toEqual([
      { value: 'curl', position: 1 },
      { value: '-X', position: 7 },
      { value: 'POST', position: 10 },
    ]);
  });

  it('joins backslash-newline continuations, LF and CRLF, and reads bare newlines as spaces', () => {
    expect(words('curl \\\n  -X POST \\\r\n  https://x.test')).toEqual(['curl', '-X', 'POST', 'https://x.test']);
    expect(words('curl\n-I\nhttps://x.test')).toEqual(['curl', '-I', 'https://x.test']);
    expect(words('ab\\\ncd')).toEqual(['abcd']);
  });

  it('keeps single-quoted text literally, backslashes and dollars included', () => {
    expect(words(String.raw`'a\nb $HOME \'`)).toEqual(['a\\nb $HOME \\']);
  });

  it('unescapes only \\" \\\\ \\$ \\` and newline inside double quotes', () => {
    expect(words(String.raw`"say \"hi\" \\ \$5 \x"`)).toEqual([String.raw`say "hi" \ $5 \x`]);
    expect(words('"line \\\ncontinued"')).toEqual(['line continued']);
  });

  it("decodes ANSI-C $'...' quoting", () => {
    expect(words(String.raw`$'a\nb\tc\\d\'e\x41\101\u00e9\U0001F600\cA\q'`)).toEqual(['a\nb\tc\\d\'eAAé😀\x01\\q']);
    expect(words(String.raw`$'{"text":"it\'s"}'`)).toEqual([`{"text":"it's"}`]);
  });

  it('reads $"..." like "..."', () => {
    expect(words('$"a b"')).toEqual(['a b']);
  });

  it('escapes the next character outside quotes', () => {
    expect(words(String.raw`a\ b \"c\" \$d`)).toEqual(['a b', '"c"', '$d']);
  });

  it('keeps $NAME, ${NAME} and $(...) as written, with a warning each', () => {
    const result = tokenizeShellCommand('curl -H "Authorization: Bearer $TOKEN" https://x.test/${ID}');
    expect(result.words.map((word) => word.value)).toEqual(['curl', '-H', 'Authorization: Bearer $TOKEN', 'https://x.test/${ID}']);
    expect(result.warnings).toEqual([
      '$TOKEN at position 32 is kept as written: a shell would replace it with a value.',
      '${ID} at position 55 is kept as written: a shell would replace it with a value.',
    ]);
  });

  it('skips comments at the start of a word', () => {
    expect(words('curl # a comment\n https://x.test a#b')).toEqual(['curl', 'https://x.test', 'a#b']);
  });

  it('stops at a pipe, redirect, ; or && and reports what was ignored', () => {
    const piped = tokenizeShellCommand(`curl https://x.test | jq '.items'`);
    expect(piped.words.map((word) => word.value)).toEqual(['curl', 'https://x.test']);
    expect(piped.warnings).toEqual([`Everything from position 21 on (| jq '.items') was ignored: it is not part of the curl command.`]);
    expect(words('curl https://x.test > out.json')).toEqual(['curl', 'https://x.test']);
    expect(words('curl https://x.test && echo done')).toEqual(['curl', 'https://x.test']);
    expect(words('curl https://x.test; echo done')).toEqual(['curl', 'https://x.test']);
  });

  it('keeps an unquoted & inside a word (a pasted URL), with a warning', () => {
    const result = tokenizeShellCommand('curl https://x.test/a?b=1&c=2');
    expect(result.words.map((word) => word.value)).toEqual(['curl', 'https://x.test/a?b=1&c=2']);
    expect(result.warnings[0]).toMatch(/unquoted & at position 26/);
  });

  it('names the position of an unterminated quote', () => {
    expect(failure(`curl -d 'abc`)).toBe("unterminated quote at position 9: the ' opened there is never closed");
    expect(failure(`curl -H "X: 1`)).toBe('unterminated quote at position 9: the " opened there is never closed');
    expect(failure(`curl $'abc\\'`)).toBe("unterminated quote at position 6: the $' opened there is never closed");
  });
});
