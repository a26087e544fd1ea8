import { CurlImportError } from './curl-import-error';
import type { ShellWord } from './tokenize-shell-command';

/** A piece of request data, in command order: `-d` and friends, `--data-urlencode`, `--json`. */
export type CurlData =
  | { kind: 'text'; text: string }
  | { kind: 'urlencode'; name: string | undefined; value: string }
  | { kind: 'json'; text: string };

/** One `-F`/`--form-string` part (text only). */
export type CurlFormPart = { name: string; value: string };

/** What a curl command line asks for, option by option (no HTTP semantics applied yet). */
export type CurlInvocation = {
  /** `-X`, as written (upper-cased). */
  method: string | undefined;
  urls: ShellWord[];
  /** `-H` lines and the headers other options imply (-A, -e, -b, -u, --oauth2-bearer), in order. */
  headers: { name: string; value: string; position: number }[];
  data: CurlData[];
  /** Where the first data option stands, for messages. */
  dataOption: string | undefined;
  form: CurlFormPart[];
  get: boolean;
  head: boolean;
  warnings: string[];
};

/**
 * Applies one option. `value` is its value word (for an option without one: the option's
 * own word); `option` is the option as written (`-d`, `--data`) and where it stands.
 */
type Handler = (invocation: CurlInvocation, value: string, valueWord: ShellWord, option: { name: string; position: number }) => void;
type OptionSpec = { takesValue: boolean; handle?: Handler; warning?: string };

/**
 * The curl options the import understands. Those that change the request are mapped;
 * those that only change how curl itself behaves (output, progress, verbosity, HTTP
 * version ...) are accepted and ignored, some with a warning when the API element
 * behaves differently. Anything else is refused: an unknown option may take a value,
 * so the rest of the line could not be read reliably.
 */
const options = new Map<string, OptionSpec>();

function define(names: readonly string[], spec: OptionSpec): void {
  for (const name of names) options.set(name, spec);
}

const addData = (kind: 'text' | 'binary' | 'raw'): Handler => (invocation, value, _word, option) => {
  if (kind !== 'raw' && value.startsWith('@')) {
    throw new CurlImportError(`${option.name} at position ${option.position} reads the body from the file "${value.slice(1)}", which cannot be imported: put the content itself in the command (${option.name} '...')`);
  }
  invocation.dataOption ??= option.name;
  invocation.data.push({ kind: 'text', text: value });
};

define(['-X', '--request'], { takesValue: true, handle: (invocation, value) => (invocation.method = value.toUpperCase()) });
define(['-H', '--header'], {
  takesValue: true,
  handle: (invocation, value, word, option) => {
    if (value.startsWith('@')) throw new CurlImportError(`${option.name} at position ${option.position} reads headers from the file "${value.slice(1)}", which cannot be imported`);
    const colon = value.indexOf(':');
    const semicolon = value.indexOf(';');
    if (colon < 0 && semicolon === value.length - 1 && semicolon > 0) {
      invocation.headers.push({ name: value.slice(0, -1).trim(), value: '', position: word.position });
      return;
    }
    if (colon <= 0) throw new CurlImportError(`the header "${value}" at position ${word.position} is not "Name: value"`);
    const name = value.slice(0, colon).trim();
    const headerValue = value.slice(colon + 1).trim();
    // `-H 'Name:'` removes a header curl would add itself: nothing to import.
    if (headerValue === '') invocation.warnings.push(`The header "${name}:" without a value (position ${word.position}) only removes a header curl adds itself; it was left out.`);
    else invocation.headers.push({ name, value: headerValue, position: word.position });
  },
});
define(['-d', '--data', '--data-ascii'], { takesValue: true, handle: addData('text') });
define(['--data-binary'], { takesValue: true, handle: addData('binary') });
define(['--data-raw'], { takesValue: true, handle: addData('raw') });
define(['--data-urlencode'], {
  takesValue: true,
  handle: (invocation, value, word, option) => {
    const equals = value.indexOf('=');
    const at = value.indexOf('@');
    if (at >= 0 && (equals < 0 || at < equals)) {
      throw new CurlImportError(`${option.name} at position ${option.position} reads its value from the file "${value.slice(at + 1)}", which cannot be imported`);
    }
    invocation.dataOption ??= option.name;
    if (equals < 0) invocation.data.push({ kind: 'urlencode', name: undefined, value });
    else invocation.data.push({ kind: 'urlencode', name: equals === 0 ? undefined : value.slice(0, equals), value: value.slice(equals + 1) });
  },
});
define(['--json'], {
  takesValue: true,
  handle: (invocation, value, word, option) => {
    if (value.startsWith('@')) throw new CurlImportError(`${option.name} at position ${option.position} reads the body from the file "${value.slice(1)}", which cannot be imported: put the JSON itself in the command`);
    invocation.dataOption ??= option.name;
    invocation.data.push({ kind: 'json', text: value });
  },
});
define(['-F', '--form'], { takesValue: true, handle: (invocation, value, word, option) => invocation.form.push(formPart(value, option, invocation.warnings)) });
define(['--form-string'], {
  takesValue: true,
  handle: (invocation, value, word, option) => {
    const equals = value.indexOf('=');
    if (equals <= 0) throw new CurlImportError(`${option.name} at position ${option.position} needs name=value, got "${value}"`);
    invocation.form.push({ name: value.slice(0, equals), value: value.slice(equals + 1) });
  },
});
define(['-u', '--user'], {
  takesValue: true,
  handle: (invocation, value, word, option) => {
    const credentials = value.includes(':') ? value : `${value}:`;
    if (!value.includes(':')) invocation.warnings.push(`${option.name} at position ${option.position} has no password (curl would ask for one); an empty password was used.`);
    if (value.includes('{{')) invocation.warnings.push(`${option.name} at position ${option.position} holds placeholders, which are encoded as written into the Basic header: write the Authorization header yourself to fill them.`);
    invocation.headers.push({ name: 'Authorization', value: `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`, position: word.position });
  },
});
define(['--oauth2-bearer'], {
  takesValue: true,
  handle: (invocation, value, word) => invocation.headers.push({ name: 'Authorization', value: `Bearer ${value}`, position: word.position }),
});
define(['-A', '--user-agent'], { takesValue: true, handle: (invocation, value, word) => invocation.headers.push({ name: 'User-Agent', value, position: word.position }) });
define(['-e', '--referer'], {
  takesValue: true,
  handle: (invocation, value, word) => invocation.headers.push({ name: 'Referer', value: value.replace(/;auto$/, ''), position: word.position }),
});
define(['-b', '--cookie'], {
  takesValue: true,
  handle: (invocation, value, word, option) => {
    if (!value.includes('=')) throw new CurlImportError(`${option.name} at position ${option.position} reads cookies from the file "${value}", which cannot be imported: give them as ${option.name} 'name=value'`);
    invocation.headers.push({ name: 'Cookie', value, position: word.position });
  },
});
define(['--url'], { takesValue: true, handle: (invocation, value, word) => invocation.urls.push({ value, position: word.position }) });
define(['-G', '--get'], { takesValue: false, handle: (invocation) => (invocation.get = true) });
define(['-I', '--head'], { takesValue: false, handle: (invocation) => (invocation.head = true) });
define(['--basic'], { takesValue: false });
for (const scheme of ['--digest', '--ntlm', '--negotiate', '--anyauth', '--aws-sigv4']) {
  define([scheme], {
    takesValue: scheme === '--aws-sigv4',
    handle: (_invocation, _value, _word, option) => {
      throw new CurlImportError(`${option.name} at position ${option.position}: only Basic authentication (-u) can be imported; set the Authorization header yourself`);
    },
  });
}
define(['-K', '--config'], {
  takesValue: true,
  handle: (_invocation, value, word, option) => {
    throw new CurlImportError(`${option.name} at position ${option.position} reads options from the file "${value}", which cannot be imported`);
  },
});

// Accepted, with a warning: the API element does something else.
define(['-k', '--insecure'], { takesValue: false, warning: 'TLS certificates are always verified: -k/--insecure was ignored.' });
define(['-m', '--max-time'], { takesValue: true, warning: 'The timeout (-m/--max-time) was not imported: set it in the Timeout field (1–60 s).' });
define(['--retry'], { takesValue: true, warning: 'The retry count (--retry) was not imported: set it in Retry on error (0–3).' });
define(['-E', '--cert'], { takesValue: true, warning: 'Client certificates (-E/--cert) were not imported: choose the mTLS certificate in the element.' });
define(['-x', '--proxy'], { takesValue: true, warning: 'The proxy (-x/--proxy) was ignored: requests go out directly.' });

// Accepted and ignored: they change only how curl itself runs or prints.
for (const flag of [
  '-s', '--silent', '-S', '--show-error', '-v', '--verbose', '-i', '--include', '-L', '--location', '--location-trusted',
  '-f', '--fail', '--fail-with-body', '-#', '--progress-bar', '--no-progress-meter', '-N', '--no-buffer', '-g', '--globoff',
  '--compressed', '--http1.0', '--http1.1', '--http2', '--http2-prior-knowledge', '--http3', '-4', '--ipv4', '-6', '--ipv6',
  '--no-keepalive', '--tcp-nodelay', '--path-as-is', '--raw', '--tr-encoding', '-Z', '--parallel', '-j', '--junk-session-cookies',
  '-O', '--remote-name', '-J', '--remote-header-name', '--create-dirs', '--ssl-reqd', '--tlsv1', '--tlsv1.0', '--tlsv1.1',
  '--tlsv1.2', '--tlsv1.3', '-q', '--disable', '--no-alpn', '--no-npn', '--no-sessionid', '-l', '--list-only',
]) {
  define([flag], { takesValue: false });
}
for (const option of [
  '-o', '--output', '--connect-timeout', '--retry-delay', '--retry-max-time', '-w', '--write-out', '--cacert', '--capath',
  '--key', '--cert-type', '--key-type', '--pass', '--proxy-user', '-U', '--resolve', '--connect-to', '--max-redirs',
  '--limit-rate', '-y', '--speed-time', '-Y', '--speed-limit', '--interface', '--dns-servers', '-c', '--cookie-jar',
  '-D', '--dump-header', '--stderr', '--trace', '--trace-ascii', '--max-filesize', '--keepalive-time', '--expect100-timeout',
  '--ciphers', '-C', '--continue-at', '--output-dir', '--tls-max', '--happy-eyeballs-timeout-ms',
]) {
  define([option], { takesValue: true });
}

/**
 * Reads curl's options from the words after `curl`, the way curl does: short options may
 * be grouped (`-sSL`) and carry their value attached (`-XPOST`, `-H'Accept: x'`); long
 * options take their value from the next word; `--no-<flag>` turns a flag off; every
 * word that is not an option (or an option's value) is a URL.
 * Throws CurlImportError for an unknown option or one missing its value, naming it and
 * its position. Pure.
 */
export function parseCurlOptions(words: readonly ShellWord[]): CurlInvocation {
  const invocation: CurlInvocation = { method: undefined, urls: [], headers: [], data: [], dataOption: undefined, form: [], get: false, head: false, warnings: [] };
  let index = 0;
  const valueFor = (option: string, word: ShellWord): ShellWord => {
    const next = words[index + 1];
    if (next === undefined) throw new CurlImportError(`${option} at position ${word.position} needs a value, but the command ends there`);
    index += 1;
    return next;
  };
  const apply = (name: string, spec: OptionSpec, value: ShellWord | undefined, word: ShellWord): void => {
    if (spec.warning !== undefined && !invocation.warnings.includes(spec.warning)) invocation.warnings.push(spec.warning);
    spec.handle?.(invocation, value?.value ?? '', value ?? word, { name, position: word.position });
  };

  for (; index < words.length; index += 1) {
    const word = words[index];
    if (word === undefined) break;
    const text = word.value;
    if (text.startsWith('--') && text.length > 2) {
      const spec = options.get(text) ?? (text.startsWith('--no-') ? flagSpec(`--${text.slice(5)}`) : undefined);
      if (spec === undefined) throw unknownOption(text, word);
      apply(text, spec, spec.takesValue ? valueFor(text, word) : undefined, word);
      continue;
    }
    if (text.startsWith('-') && text.length > 1) {
      for (let offset = 1; offset < text.length; offset += 1) {
        const letter = text.charAt(offset);
        const spec = options.get(`-${letter}`);
        if (spec === undefined) throw unknownOption(`-${letter}`, word);
        if (!spec.takesValue) {
          apply(`-${letter}`, spec, undefined, word);
          continue;
        }
        const attached = text.slice(offset + 1);
        const value = attached === '' ? valueFor(`-${letter}`, word) : { value: attached, position: word.position + offset + 1 };
        apply(`-${letter}`, spec, value, word);
        break;
      }
      continue;
    }
    invocation.urls.push(word);
  }
  return invocation;
}

/** The spec of a flag (option without value), for `--no-<flag>`. */
function flagSpec(name: string): OptionSpec | undefined {
  const spec = options.get(name);
  return spec !== undefined && !spec.takesValue ? { takesValue: false } : undefined;
}

function unknownOption(name: string, word: ShellWord): CurlImportError {
  return new CurlImportError(`unknown option ${name} at position ${word.position}: it cannot be imported (and may take a value, so the rest could not be read)`);
}

/**
 * A `-F name=content` part. `content` may be "quoted" (\" and \\ escapes); `;type=`,
 * `;filename=`, `;headers=` and `;encoder=` suffixes are dropped with a warning; `@file`
 * and `<file` (file contents) cannot be imported.
 */
function formPart(text: string, option: { name: string; position: number }, warnings: string[]): CurlFormPart {
  const equals = text.indexOf('=');
  if (equals <= 0) throw new CurlImportError(`${option.name} at position ${option.position} needs name=content, got "${text}"`);
  const name = text.slice(0, equals);
  let content = text.slice(equals + 1);
  if (content.startsWith('@') || content.startsWith('<')) {
    throw new CurlImportError(`${option.name} ${name}=${content} at position ${option.position} uploads a file, which cannot be imported: form fields are text only`);
  }
  let suffix = '';
  if (content.startsWith('"')) {
    const quoted = /^"((?:[^"\\]|\\.)*)"(.*)$/s.exec(content);
    if (quoted) {
      content = (quoted[1] ?? '').replace(/\\(.)/gs, '$1');
      suffix = quoted[2] ?? '';
    }
  } else {
    const cut = /;(?:type|filename|headers|encoder)=/.exec(content);
    if (cut) {
      suffix = content.slice(cut.index);
      content = content.slice(0, cut.index);
    }
  }
  if (suffix !== '') warnings.push(`The form field "${name}" had "${suffix}" after its value; that was left out.`);
  return { name, value: content };
}
