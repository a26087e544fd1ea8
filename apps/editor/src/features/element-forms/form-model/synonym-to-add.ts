import { maxKeywordLength, maxKeywordSynonyms } from '@parley/elements';

/**
 * Whether `text` may be added to a keyword's synonyms: the trimmed text, or why not
 * (blank, too long, the keyword itself, already listed ignoring case, or the list full).
 */
export function synonymToAdd(text: string, keyword: string, synonyms: readonly string[]): { ok: true; synonym: string } | { ok: false; message: string } {
  const synonym = text.trim();
  if (synonym === '') return { ok: false, message: 'Type a synonym first' };
  if (synonym.length > maxKeywordLength) return { ok: false, message: `A synonym has at most ${maxKeywordLength} characters` };
  if (synonyms.length >= maxKeywordSynonyms) return { ok: false, message: `A keyword has at most ${maxKeywordSynonyms} synonyms` };
  const normal = synonym.toLowerCase();
  if (normal === keyword.trim().toLowerCase()) return { ok: false, message: `"${synonym}" is the keyword itself` };
  if (synonyms.some((existing) => existing.trim().toLowerCase() === normal)) return { ok: false, message: `"${synonym}" is already a synonym` };
  return { ok: true, synonym };
}
