import { z } from 'zod';

/** One reason a file cannot be imported: where in the document (a JSON path, '' for the whole file) and why. */
export type ImportProblem = { readonly path: string; readonly message: string };

const documentSchema = z.record(z.string(), z.json());
/** A flow document as bots.create takes it: a JSON object. */
export type ImportedDraft = z.infer<typeof documentSchema>;

export type ImportRead = { readonly kind: 'ok'; readonly draft: ImportedDraft } | { readonly kind: 'invalid'; readonly problems: readonly ImportProblem[] };

/**
 * Reads the text of an imported file: a JSON object (a flow document, as Export writes
 * it) is returned for bots.create to validate; anything else is refused here with the
 * reason (not JSON, with the parser's message; JSON but not an object). The flow's own
 * rules are the server's to check.
 */
export function readImportText(text: string): ImportRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: 'invalid', problems: [{ path: '', message: `The file is not valid JSON: ${detail}` }] };
  }
  const parsed = documentSchema.safeParse(value);
  if (!parsed.success) {
    const found = Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`;
    return { kind: 'invalid', problems: [{ path: '', message: `The file holds ${found}, not a flow: expected a JSON object with version, attributes, entryDialogId and dialogs.` }] };
  }
  return { kind: 'ok', draft: parsed.data };
}
