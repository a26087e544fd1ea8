import { attributeDeclarationSchema, elementIdSchema, elementSchemas, type ElementType } from '@parley/elements';
import { z } from 'zod';
import type { EditorAttribute, EditorEdge, EditorElement } from '../../bot-editor/document/editor-flow';

/**
 * Elements on the clipboard (text/plain JSON, so it survives any clipboard and reaches
 * another tab or another bot): the elements as written, the edges between them and the
 * declarations of the attributes they use in the bot they came from.
 */
export type ClipboardFragment = {
  readonly parley: 'elements';
  readonly version: 1;
  readonly elements: readonly EditorElement[];
  readonly edges: readonly EditorEdge[];
  readonly attributes: readonly EditorAttribute[];
};

const knownTypes = new Set<string>(Object.keys(elementSchemas));

function isElementType(type: string): type is ElementType {
  return knownTypes.has(type);
}

// Elements are checked for shape only (id and a known type): a half-filled element is
// copied as it is and validateFlow reports it in the bot it lands in, as it did before.
const elementShape = z.looseObject({ id: elementIdSchema, type: z.string().refine(isElementType, 'unknown element type') });

const edgeShape = z.strictObject({ id: elementIdSchema, from: elementIdSchema, port: z.string().min(1).max(64).optional(), to: elementIdSchema });

const payloadSchema = z.strictObject({
  parley: z.literal('elements'),
  version: z.literal(1),
  elements: z.array(elementShape).min(1),
  edges: z.array(edgeShape),
  attributes: z.array(attributeDeclarationSchema),
});

/** The fragment as clipboard text. */
export function serializeFragment(fragment: ClipboardFragment): string {
  return JSON.stringify(fragment);
}

/**
 * The fragment in clipboard `text`, or undefined when the text is anything else (plain
 * text, another app's JSON, a payload of a later version): paste then does nothing.
 */
export function parseFragment(text: string): ClipboardFragment | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const elements: EditorElement[] = [];
  for (const raw of parsed.data.elements) {
    const element = toEditorElement(raw);
    if (!element) return undefined;
    elements.push(element);
  }
  return { ...parsed.data, elements };
}

/** Issue codes that say a value has the wrong type or shape (not merely an empty or out-of-range value). */
const structuralCodes = new Set(['invalid_type', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element', 'invalid_value']);

/**
 * True when `value` is an element as the editor's document holds it: its type's schema
 * finds at most content problems (an empty text, a number out of range, a blank name),
 * nothing of the wrong type or shape, so every field has the type EditorElement says.
 */
function isElementAsWritten(value: { readonly type: ElementType }): value is EditorElement {
  const result = elementSchemas[value.type].safeParse(value);
  return result.success || result.error.issues.every((issue) => !structuralCodes.has(issue.code));
}

function toEditorElement(raw: z.infer<typeof elementShape>): EditorElement | undefined {
  return isElementAsWritten(raw) ? raw : undefined;
}
