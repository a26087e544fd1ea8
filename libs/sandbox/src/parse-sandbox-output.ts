import { z } from 'zod';
import { maxErrorMessageLength } from './describe-script-error';
import { sandboxAttributesSchema } from './sandbox-input-schema';
import type { SandboxError } from './sandbox-result-schema';

/** What the in-isolate runtime resolves with (as JSON text): see sandboxRuntimeSource. */
const sandboxOutputSchema = z.object({
  attributes: sandboxAttributesSchema,
  logs: z.array(z.string()),
  dropped: z.number().int().min(0),
  invalid: z.string().nullable(),
});

/** Host-side caps on what a run hands back. */
export type SandboxOutputCaps = { maxOutputChars: number; maxLogLines: number; maxLogLineLength: number };

export type ParsedSandboxOutput = { ok: true; attributes: z.infer<typeof sandboxAttributesSchema>; logs: string[] } | { ok: false; error: SandboxError };

/**
 * Reads the runtime's result on the host. The text comes from inside the isolate, where
 * the script could have tampered with anything, so it is treated as untrusted input:
 * size-capped before parsing, parsed with a reviver that refuses `__proto__` keys (so no
 * value that could re-point a prototype when merged later leaves the sandbox), and
 * validated with zod; the logs are re-capped (the runtime's own caps could be tampered
 * with). A value `attributeApi.set` refused, a result over `maxOutputChars` or anything
 * malformed is `invalid-value`.
 */
export function parseSandboxOutput(output: unknown, caps: SandboxOutputCaps): ParsedSandboxOutput {
  const { maxOutputChars, maxLogLines, maxLogLineLength } = caps;
  const invalid = (message: string): ParsedSandboxOutput => ({ ok: false, error: { code: 'invalid-value', message } });
  if (typeof output !== 'string') return invalid('The script did not hand back its attributes');
  if (output.length > maxOutputChars) {
    return invalid(`The attributes set are too large: ${mebibytes(output.length)} of JSON, at most ${mebibytes(maxOutputChars)}`);
  }
  let protoKey = false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(output, (key: string, value: unknown) => {
      if (key === '__proto__') protoKey = true;
      return value;
    });
  } catch {
    return invalid('The script did not hand back its attributes as JSON');
  }
  if (protoKey) return invalid('Attribute values may not contain a "__proto__" key');
  const result = sandboxOutputSchema.safeParse(parsed);
  if (!result.success) return invalid('The script did not hand back its attributes as JSON');
  if (result.data.invalid !== null) return invalid(cap(result.data.invalid, maxErrorMessageLength));
  const logs = result.data.logs.slice(0, maxLogLines).map((line) => cap(line, maxLogLineLength));
  const dropped = result.data.dropped + result.data.logs.length - logs.length;
  if (dropped > 0) logs.push(`… ${dropped} more log line${dropped === 1 ? '' : 's'} dropped`);
  return { ok: true, attributes: result.data.attributes, logs };
}

function cap(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

function mebibytes(chars: number): string {
  return `${(chars / 1_048_576).toFixed(1)} MiB`;
}
