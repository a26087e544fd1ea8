/**
 * The script wrapper: the Code element's script becomes the body of an async function,
 * so `return` ends it early and `await` is allowed. Compiled once per isolate and script
 * text (the compile cache key is the script text). The wrapper's first line is not the
 * script's, hence `scriptLineOffset` for error positions.
 */
export function wrapScript(code: string): string {
  return `(async function () {\n${code}\n})`;
}

/** Line offset that makes error positions count from the script's own first line. */
export const scriptLineOffset = -1;

/** File name of the script in stack traces; error messages quote its positions. */
export const scriptFileName = 'code.js';

/**
 * The in-isolate runtime: a script evaluating to a function, compiled once per isolate and
 * instantiated in each fresh context before the run that uses it. It is called with:
 * - `$0`: the attributes snapshot as JSON text (parsed here: the host never shares objects);
 * - `$1`: the script compiled with `wrapScript` (an async function);
 * - `$2`: `hash(algorithm, text) → hex`, a host `ivm.Callback` (arguments and result are
 *   copied; it is a plain function in here, whose constructor is this context's Function);
 * - `$3`: caps as JSON text: `{ maxLogLines, maxLogLineLength, maxOutputChars }`.
 *
 * It defines `attributeApi`, `encryptionUtils` and `console` on the global object, removes
 * `SharedArrayBuffer`, `Atomics` and `WebAssembly` (shared memory waits and wasm memory
 * growth are outside what the heap limit sees), calls the script, waits for it, and
 * resolves with ONE string: JSON `{ attributes, logs, dropped, invalid }`, where
 * `attributes` maps each name given to `attributeApi.set` to its last value, `logs` is the
 * captured console output (`dropped`: lines over the cap) and `invalid` the first non-JSON
 * value refused by `set` (or null). A refused value fails the run even if the script
 * catches the TypeError `set` throws.
 *
 * The result's size is checked HERE, before anything is copied out of the isolate: a `set`
 * that would take the attributes set past `maxOutputChars` characters of JSON is refused
 * the same way (a RangeError naming the limit, and the run fails with `invalid-value`), and
 * a result that is still too large (say, with the console output) is replaced by a short
 * one that says so. So the host never copies a result of more than `maxOutputChars`
 * characters out of a run (it checks again: it trusts nothing from in here). A thrown
 * error is copied out by isolated-vm; its size is bounded by the isolate's heap limit.
 *
 * Nothing in here is trusted: the script runs in the same context and may tamper with any
 * of it. The host treats the result as untrusted text, parses and validates it. The
 * intrinsics are captured before the script runs only so that ordinary scripts (say, one
 * assigning a global named JSON) cannot break the bookkeeping by accident.
 */
export const sandboxRuntimeSource = String.raw`(function ($0, $1, $2, $3) {
'use strict';
const attributesJson = $0, script = $1, hostHash = $2, caps = JSON.parse($3);
const parse = JSON.parse, stringify = JSON.stringify, isArray = Array.isArray, hasOwn = Object.hasOwn;
const keys = Object.keys, getPrototypeOf = Object.getPrototypeOf, objectPrototype = Object.prototype;
const isFinite = Number.isFinite, freeze = Object.freeze, defineProperty = Object.defineProperty;
const toText = String, round = Math.round;
const maxOutputChars = caps.maxOutputChars;

const current = parse(attributesJson);
const saved = new Map();
/** Characters of JSON the saved attributes take in the result ("name":value and a comma each). */
let savedChars = 0;
const logs = [];
let dropped = 0;
let invalid = null;

function describe(value) {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return toText(value);
  if (typeof value !== 'object' || value === null) return typeof value;
  const proto = getPrototypeOf(value);
  const name = proto && hasOwn(proto, 'constructor') && typeof proto.constructor === 'function' ? proto.constructor.name : '';
  return name ? 'a ' + name : 'an object without prototype';
}

/** Why value is not JSON (a path and a reason), or null when it is. */
function jsonProblem(value, path, depth, seen) {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return isFinite(value) ? null : path + ' is ' + describe(value);
    case 'object': {
      if (value === null) return null;
      if (depth > 100) return path + ' is nested more than 100 levels deep';
      if (seen.has(value)) return path + ' refers to itself';
      seen.add(value);
      if (isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          if (!hasOwn(value, i)) return path + '[' + i + '] is a hole';
          const problem = jsonProblem(value[i], path + '[' + i + ']', depth + 1, seen);
          if (problem) return problem;
        }
      } else {
        const proto = getPrototypeOf(value);
        if (proto !== objectPrototype && proto !== null) return path + ' is ' + describe(value);
        for (const key of keys(value)) {
          if (key === '__proto__') return path + ' has a "__proto__" key';
          const problem = jsonProblem(value[key], path + '.' + key, depth + 1, seen);
          if (problem) return problem;
        }
      }
      seen.delete(value);
      return null;
    }
    default:
      return path + ' is ' + (value === undefined ? 'undefined' : 'a ' + typeof value);
  }
}

function textSize(chars) {
  return chars < 1048576 ? chars + ' characters' : round(chars / 104857.6) / 10 + ' MiB';
}

/** What one saved attribute adds to the result: "name":json and a comma. */
function entryChars(name, json) {
  return stringify(name).length + json.length + 2;
}

function copy(value) {
  return value !== null && typeof value === 'object' ? parse(stringify(value)) : value;
}

const attributeApi = freeze({
  get(name) {
    const key = toText(name);
    if (saved.has(key)) return parse(saved.get(key));
    return hasOwn(current, key) ? copy(current[key]) : undefined;
  },
  set(name, value) {
    if (typeof name !== 'string') throw new TypeError('attributeApi.set: the attribute name must be a string');
    const problem = name === '__proto__' ? 'the name "__proto__" is reserved' : jsonProblem(value, 'the value', 0, new Set());
    if (problem) {
      const message = "attributeApi.set('" + name + "', …): only JSON values can be saved, and " + problem;
      if (invalid === null) invalid = message;
      throw new TypeError(message);
    }
    const json = stringify(value);
    const chars = savedChars - (saved.has(name) ? entryChars(name, saved.get(name)) : 0) + entryChars(name, json);
    if (chars > maxOutputChars) {
      const message = 'attributeApi.set(' + (name.length > 100 ? 'a long name' : "'" + name + "'") + ', …): the attributes set would take ' +
        textSize(chars) + ' of JSON, more than the ' + textSize(maxOutputChars) + ' a script may hand back';
      if (invalid === null) invalid = message;
      throw new RangeError(message);
    }
    savedChars = chars;
    saved.set(name, json);
  },
});

function hashWith(algorithm) {
  return function (value) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new TypeError('encryptionUtils.' + algorithm + ': expected a text, got ' + describe(value));
    }
    return hostHash(algorithm, toText(value));
  };
}
const encryptionUtils = freeze({ md5: hashWith('md5'), sha1: hashWith('sha1'), sha256: hashWith('sha256'), sha512: hashWith('sha512') });

function format(value) {
  if (typeof value === 'string') return value;
  try {
    const text = stringify(value);
    if (typeof text === 'string') return text;
  } catch {}
  try {
    return toText(value);
  } catch {
    return '[unprintable]';
  }
}
function logger(prefix) {
  return function (...args) {
    if (logs.length >= caps.maxLogLines) {
      dropped++;
      return;
    }
    let line = prefix;
    for (let i = 0; i < args.length; i++) line += (i ? ' ' : '') + format(args[i]);
    logs[logs.length] = line.length > caps.maxLogLineLength ? line.slice(0, caps.maxLogLineLength) + '…' : line;
  };
}
const console = freeze({ log: logger(''), info: logger(''), debug: logger(''), warn: logger('[warn] '), error: logger('[error] ') });

for (const [name, value] of [['attributeApi', attributeApi], ['encryptionUtils', encryptionUtils], ['console', console]]) {
  defineProperty(globalThis, name, { value, writable: false, enumerable: false, configurable: false });
}
delete globalThis.SharedArrayBuffer;
delete globalThis.Atomics;
delete globalThis.WebAssembly;

return (async () => {
  try {
    await script();
  } catch (error) {
    if (invalid === null) throw error;
  }
  let attributes = '';
  for (const [name, json] of saved) attributes += (attributes ? ',' : '') + stringify(name) + ':' + json;
  const output = '{"attributes":{' + attributes + '},"logs":' + stringify(logs) + ',"dropped":' + dropped + ',"invalid":' + stringify(invalid) + '}';
  if (output.length <= maxOutputChars) return output;
  const tooLarge = 'The attributes set and the console output take ' + textSize(output.length) + ' of JSON, more than the ' + textSize(maxOutputChars) + ' a script may hand back';
  return '{"attributes":{},"logs":[],"dropped":0,"invalid":' + stringify(tooLarge) + '}';
})();
})`;
