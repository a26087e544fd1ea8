/** Words written in capitals (or their own way) in labels. */
const specialWords: Readonly<Record<string, string>> = {
  id: 'ID',
  url: 'URL',
  nlp: 'NLP',
  api: 'API',
  json: 'JSON',
  xml: 'XML',
  mtls: 'mTLS',
  ms: 'ms',
  mb: 'MB',
};

/**
 * A property name as a label: camelCase and kebab-case split into words, the first
 * capitalized ("saveAs" → "Save as", "dialogId" → "Dialog ID", "urlType" → "URL type").
 * Fields whose words read wrong carry a `title` instead.
 */
export function wordsFromKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter((word) => word !== '')
    .map((word) => specialWords[word.toLowerCase()] ?? word.toLowerCase());
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
