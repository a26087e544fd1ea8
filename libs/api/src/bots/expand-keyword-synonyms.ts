import { maxExpandedSynonyms } from '@parley/elements';
import { flowElements, isRecord } from '../components/flow-elements';
import { wordnetSynonyms } from './wordnet-synonyms';

/**
 * The flow a bot version publishes, with English synonyms added to the keywords of every
 * User response element that has NLP on (in its dialogs and in the components it embeds):
 * each keyword's `expandedSynonyms` become `synonyms(keyword text)` (wordnetSynonyms)
 * minus the keyword itself and the synonyms its author listed; absent when none is left.
 * Done once, at publish, so the engine stays pure and small (it never loads WordNet) and
 * a running version never changes. `document` is a checked flow; it is copied, not changed.
 */
export function expandKeywordSynonyms(document: unknown, synonymsOf: (keyword: string) => string[] = wordnetSynonyms): unknown {
  if (!isRecord(document)) return document;
  const flow = structuredClone(document);
  for (const { element } of flowElements(flow)) {
    if (element['type'] !== 'user-response' || element['nlp'] !== true || !Array.isArray(element['keywords'])) continue;
    for (const keyword of element['keywords']) {
      if (!isRecord(keyword) || typeof keyword['text'] !== 'string') continue;
      const own = new Set([keyword['text'], ...(Array.isArray(keyword['synonyms']) ? keyword['synonyms'] : [])].map((text) => String(text).trim().toLowerCase()));
      const added = synonymsOf(keyword['text']).filter((synonym) => !own.has(synonym)).slice(0, maxExpandedSynonyms);
      if (added.length > 0) keyword['expandedSynonyms'] = added;
      else delete keyword['expandedSynonyms'];
    }
  }
  return flow;
}
