import { placeholderRefs } from '@parley/elements';
import type { EditorFlow } from '../../bot-editor/document/editor-flow';
import type { AttributeRef } from './attribute-ref';

/** Placeholders of the bot's default fallback message (settings.fallback), located under ['settings', 'fallback']. */
export function settingsAttributeRefs(flow: EditorFlow): AttributeRef[] {
  const message = flow.settings?.fallback?.message;
  if (!message) return [];
  const at = (text: string, path: (string | number)[]): AttributeRef[] =>
    placeholderRefs(text, path).map((ref) => ({ name: ref.name, access: 'read', path: ref.path, via: 'placeholder' }));
  return [
    ...at(message.text, ['settings', 'fallback', 'message', 'text']),
    ...(message.variations ?? []).flatMap((variation, index) => at(variation, ['settings', 'fallback', 'message', 'variations', index])),
  ];
}
