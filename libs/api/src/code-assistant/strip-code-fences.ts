const fence = /```[ \t]*([\w+-]*)[^\n]*\n([\s\S]*?)```/g;

/**
 * The code in a model's answer: the content of its first fenced block labelled as
 * JavaScript (or unlabelled), else of its first fenced block, else the whole answer;
 * trimmed, with one trailing newline removed. Models often wrap code in markdown fences
 * and add a sentence around it, whatever the prompt says.
 */
export function stripCodeFences(answer: string): string {
  const blocks = [...answer.matchAll(fence)].map((match) => ({ language: (match[1] ?? '').toLowerCase(), body: match[2] ?? '' }));
  const preferred = blocks.find((block) => ['', 'js', 'javascript', 'ts', 'typescript', 'jsx', 'mjs'].includes(block.language)) ?? blocks[0];
  if (preferred) return preferred.body.trim();
  const unclosed = /^```[ \t]*[\w+-]*[^\n]*\n([\s\S]*)$/.exec(answer.trim());
  return (unclosed?.[1] ?? answer).trim();
}
