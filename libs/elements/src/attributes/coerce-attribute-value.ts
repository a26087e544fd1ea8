import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import isEmail from 'validator/lib/isEmail.js';
import isURL from 'validator/lib/isURL.js';
import type { AttributeType } from '../attribute-declaration-schema';
import type { AttributeValue } from '../attribute-values-schema';

/** The outcome of coercing a value: the typed value, or why it does not fit (names the rule). */
export type CoerceResult = { ok: true; value: AttributeValue } | { ok: false; message: string };

/**
 * Converts what a bot writes into an attribute (a user's reply, an API field, a code
 * result ...) into the attribute's type, or says why it cannot. Pure and deterministic
 * (no clock, no locale), never throws, and idempotent: coercing a successful result
 * again gives the same value, so values can be re-checked at every hop.
 *
 * Per type (strings are trimmed first, except for `text`, and `json` text kept as a string):
 * - text: strings as they are; numbers and booleans stringified; arrays and objects as
 *   their JSON text. null/undefined are refused (nothing to store).
 * - number: finite numbers; strings with "." as decimal point ("42", "-3.5", "1e3", ".5"),
 *   "," as thousands separator when grouped by three after a non-zero lead ("1,500" is
 *   1500, "12,345.6" is 12345.6), otherwise a single "," as decimal comma ("1,5" is 1.5,
 *   "0,750" is 0.75). Anything else ("1.000,50", "12 kg", "NaN", booleans) is refused.
 * - boolean: true/false, 1/0, and the words true/false, yes/no, y/n, on/off, 1/0
 *   (any case).
 * - date: ISO-8601 calendar dates `YYYY-MM-DD` stay date-only; date-times
 *   `YYYY-MM-DDTHH:mm[:ss[.fff]]` (a space may replace `T`) with `Z` or `±HH[:MM]` become
 *   the UTC instant `YYYY-MM-DDTHH:mm:ss.sssZ`. A date-time without an offset is read as
 *   UTC (the engine knows no user time zone). Impossible dates (2023-02-29) and years
 *   outside 0000–9999 are refused. No clock is read: "today" or epoch numbers are refused.
 * - phone: an international number (leading "+" or "00", separators allowed) valid per
 *   libphonenumber-js `min` metadata, returned in E.164 (+14155552671). National numbers
 *   without a country code, extensions and surrounding text are refused.
 * - email: validator's isEmail (no display names), domain lower-cased.
 * - url: absolute http/https URL with a host and a top-level domain (validator's isURL,
 *   and parseable by the WHATWG URL parser the runner uses); returned as given.
 * - list: an array of JSON values, or text holding a JSON array.
 * - json: any JSON value. Text that parses as a JSON object, array, number, boolean or
 *   null becomes that value; other text (including a quoted JSON string) stays a string,
 *   which keeps the function idempotent.
 */
export function coerceAttributeValue(type: AttributeType, value: unknown): CoerceResult {
  if (value === undefined) return fail('no value to store');
  switch (type) {
    case 'text':
      return coerceText(value);
    case 'number':
      return coerceNumber(value);
    case 'boolean':
      return coerceBoolean(value);
    case 'date':
      return coerceDate(value);
    case 'phone':
      return coercePhone(value);
    case 'email':
      return coerceEmail(value);
    case 'url':
      return coerceUrl(value);
    case 'list':
      return coerceList(value);
    case 'json':
      return coerceJson(value);
  }
}

const messages = {
  text: 'not text (expected a string, number, boolean or JSON value)',
  number: 'not a number (expected e.g. 42, -3.5, 1,5 or 1,500)',
  boolean: 'not a yes/no value (expected true/false, yes/no, y/n, on/off or 1/0)',
  date: 'not a valid date (ISO-8601 expected, e.g. 2024-05-31 or 2024-05-31T14:30:00Z)',
  phone: 'not a valid phone number (E.164 expected, e.g. +14155552671)',
  email: 'not a valid email address (expected e.g. name@example.com)',
  url: 'not a valid URL (an absolute http or https address expected, e.g. https://example.com/page)',
  list: 'not a list (expected an array or a JSON array, e.g. ["red","blue"])',
  json: 'not a JSON value (objects, arrays, strings, finite numbers, booleans or null expected)',
} satisfies Record<AttributeType, string>;

function fail(message: string): CoerceResult {
  return { ok: false, message };
}

/** Deeper values are refused: no real reply or API field nests this far, and it bounds recursion. */
const maxJsonDepth = 100;

/**
 * The value as a JSON value (a fresh copy with ordinary prototypes), or undefined when it
 * is not one: NaN/Infinity, undefined, functions, class instances (Date ...), cycles,
 * nesting deeper than maxJsonDepth. Written out because `z.json()` accepts cyclic and
 * null-prototype objects, which would break serialization later.
 */
function asJsonValue(value: unknown, depth = 0): AttributeValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  // -0 is written as 0 (JSON has no negative zero), so stored values round-trip exactly.
  if (typeof value === 'number') return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : undefined;
  if (typeof value !== 'object' || depth >= maxJsonDepth) return undefined;
  if (Array.isArray(value)) {
    const items: AttributeValue[] = [];
    for (const item of value) {
      const json = asJsonValue(item, depth + 1);
      if (json === undefined) return undefined;
      items.push(json);
    }
    return items;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  const entries: [string, AttributeValue][] = [];
  for (const [key, item] of Object.entries(value)) {
    const json = asJsonValue(item, depth + 1);
    if (json === undefined) return undefined;
    entries.push([key, json]);
  }
  // fromEntries defines own properties, so a "__proto__" key stays data, never a prototype.
  return Object.fromEntries(entries);
}

/** JSON.parse without throwing; undefined when the text is not JSON. */
function parseJsonText(text: string): AttributeValue | undefined {
  try {
    return asJsonValue(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function coerceText(value: unknown): CoerceResult {
  if (typeof value === 'string') return { ok: true, value };
  if (typeof value === 'boolean') return { ok: true, value: String(value) };
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { ok: true, value: String(value) } : fail(messages.text);
  }
  if (value === null) return fail('no value to store (null)');
  const json = asJsonValue(value);
  return json === undefined ? fail(messages.text) : { ok: true, value: JSON.stringify(json) };
}

const plainNumber = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const groupedNumber = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;
const decimalCommaNumber = /^[+-]?\d+,\d+$/;

/** Reads a number from text per the rules in coerceAttributeValue; undefined if it is none. */
function parseNumberText(raw: string): number | undefined {
  const text = raw.trim();
  let normalized: string | undefined;
  if (plainNumber.test(text)) normalized = text;
  else if (groupedNumber.test(text)) normalized = text.replaceAll(',', '');
  else if (decimalCommaNumber.test(text)) normalized = text.replace(',', '.');
  if (normalized === undefined) return undefined;
  const number = Number(normalized);
  return Number.isFinite(number) ? number : undefined;
}

function coerceNumber(value: unknown): CoerceResult {
  const number =
    typeof value === 'number' ? (Number.isFinite(value) ? value : undefined)
    : typeof value === 'string' ? parseNumberText(value)
    : undefined;
  // -0 is stored as 0: JSON cannot tell them apart anyway.
  return number === undefined ? fail(messages.number) : { ok: true, value: number === 0 ? 0 : number };
}

const trueWords = new Set(['true', 'yes', 'y', 'on', '1']);
const falseWords = new Set(['false', 'no', 'n', 'off', '0']);

function coerceBoolean(value: unknown): CoerceResult {
  if (typeof value === 'boolean') return { ok: true, value };
  if (value === 1 || value === 0) return { ok: true, value: value === 1 };
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (trueWords.has(word)) return { ok: true, value: true };
    if (falseWords.has(word)) return { ok: true, value: false };
  }
  return fail(messages.boolean);
}

const isoDate =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the instants a 4-digit ISO year can write. */
const minTime = -62_167_219_200_000;
const maxTime = 253_402_300_799_999;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses an ISO-8601 date or date-time (see coerceAttributeValue) to its normalized text. */
function parseIsoDate(text: string): string | undefined {
  const match = isoDate.exec(text.trim());
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (h === undefined || mi === undefined) return `${y}-${mo}-${d}`;
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const millisecond = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  let offsetMinutes = 0;
  if (offset !== undefined && offset.toUpperCase() !== 'Z') {
    const digits = offset.slice(1).replace(':', '');
    if (digits.length !== 2 && digits.length !== 4) return undefined;
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMins = digits.length === 4 ? Number(digits.slice(2)) : 0;
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  // Date.UTC maps years 0–99 to 1900–1999, so build in a leap year and set the real year.
  const instant = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millisecond));
  instant.setUTCFullYear(year);
  const time = instant.getTime() - offsetMinutes * 60_000;
  if (!(time >= minTime && time <= maxTime)) return undefined;
  return new Date(time).toISOString();
}

function coerceDate(value: unknown): CoerceResult {
  if (value instanceof Date) {
    const time = value.getTime();
    return time >= minTime && time <= maxTime ? { ok: true, value: value.toISOString() } : fail(messages.date);
  }
  const date = typeof value === 'string' ? parseIsoDate(value) : undefined;
  return date === undefined ? fail(messages.date) : { ok: true, value: date };
}

function coercePhone(value: unknown): CoerceResult {
  if (typeof value !== 'string') return fail(messages.phone);
  // NFKC turns full-width digits and "＋" into ASCII; "00" is the common international prefix.
  const text = value.normalize('NFKC').trim().replace(/^00/, '+');
  if (!text.startsWith('+')) return fail(`${messages.phone}: start with + and the country code`);
  const phone = parsePhoneNumberFromString(text, { extract: false });
  if (phone === undefined || !phone.isValid()) return fail(messages.phone);
  if (phone.ext !== undefined) return fail(`${messages.phone}: extensions are not supported`);
  return { ok: true, value: phone.number };
}

function coerceEmail(value: unknown): CoerceResult {
  if (typeof value !== 'string') return fail(messages.email);
  const text = value.trim();
  if (!isEmail(text)) return fail(messages.email);
  const at = text.lastIndexOf('@');
  return { ok: true, value: `${text.slice(0, at)}@${text.slice(at + 1).toLowerCase()}` };
}

const urlOptions = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_valid_protocol: true,
  require_host: true,
  require_tld: true,
  allow_protocol_relative_urls: false,
};

function coerceUrl(value: unknown): CoerceResult {
  if (typeof value !== 'string') return fail(messages.url);
  const text = value.trim();
  if (!isURL(text, urlOptions) || !URL.canParse(text)) return fail(messages.url);
  return { ok: true, value: text };
}

function coerceList(value: unknown): CoerceResult {
  const candidate = typeof value === 'string' ? parseJsonText(value.trim()) : asJsonValue(value);
  return Array.isArray(candidate) ? { ok: true, value: candidate } : fail(messages.list);
}

function coerceJson(value: unknown): CoerceResult {
  if (typeof value === 'string') {
    const parsed = parseJsonText(value);
    return { ok: true, value: parsed === undefined || typeof parsed === 'string' ? value : parsed };
  }
  const json = asJsonValue(value);
  return json === undefined ? fail(messages.json) : { ok: true, value: json };
}
