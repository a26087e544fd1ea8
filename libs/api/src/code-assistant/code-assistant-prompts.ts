/** One message of a chat completions request. */
export type ChatMessage = { role: 'system' | 'user'; content: string };

/**
 * The system prompt: what a Code element script can use (the sandbox's contract, see
 * libs/sandbox) and how to answer. Kept in step with the spec's "Available classes".
 */
export const codeAssistantSystemPrompt = `You write JavaScript for the Code element of Parley, a chatbot platform.
The script runs in an isolated sandbox as the body of an async function: top-level \`await\` and \`return\` work.
It can use the JavaScript built-ins (JSON, Math, Date, String, Array, RegExp, Intl ...) and only these objects:
- attributeApi.get('attributeName'): the value of an attribute (text, number, boolean, JSON object or array), or undefined when it is not set.
- attributeApi.set('attributeName', value): save a value to an attribute. Only JSON values (strings, finite numbers, booleans, null, plain arrays and objects); anything else fails the run.
- encryptionUtils.md5(text), encryptionUtils.sha1(text), encryptionUtils.sha256(text), encryptionUtils.sha512(text): the hex digest of a text.
- console.log(...): debug output, shown in the simulator.
There is no require, import, fetch, network, file system, process, setTimeout or setInterval. A run has a time limit (1 s by default) and a memory limit (32 MB by default).
Attributes arrive as their values: parse JSON text with JSON.parse when an attribute holds a JSON document as text. Attributes that were never set are undefined: give defaults (e.g. \`attributeApi.get('count') || 0\`).
Example:
const score = attributeApi.get('score');
attributeApi.set('result', score > 80 ? 'pass' : 'fail');
Answer with the complete script only, in one \`\`\`javascript fenced block, without explanations. Keep it short and readable; comment only what is not obvious.`;

/** An attribute the script may use, as the editor knows it. */
export type AssistantAttribute = { name: string; type?: string | undefined };

function describeAttributes(attributes: AssistantAttribute[]): string {
  if (attributes.length === 0) return 'No attributes are declared yet: name the ones the script needs.';
  return `Declared attributes (name: type):\n${attributes.map((attribute) => `- ${attribute.name}${attribute.type ? `: ${attribute.type}` : ''}`).join('\n')}`;
}

/** "Create with AI": a script doing what `prompt` describes, using the declared attributes. */
export function createCodeMessages(prompt: string, attributes: AssistantAttribute[]): ChatMessage[] {
  return [
    { role: 'system', content: codeAssistantSystemPrompt },
    { role: 'user', content: `Write a script that does this:\n${prompt}\n\n${describeAttributes(attributes)}` },
  ];
}

/** "Edit with AI": the script changed as `instruction` says, nothing else. */
export function editCodeMessages(code: string, instruction: string): ChatMessage[] {
  return [
    { role: 'system', content: codeAssistantSystemPrompt },
    { role: 'user', content: `Change this script as follows, and change nothing else:\n${instruction}\n\nThe script:\n\`\`\`javascript\n${code}\n\`\`\`` },
  ];
}

/** "Fix code": the script with its errors corrected (the error seen, when known). */
export function fixCodeMessages(code: string, error: string | undefined): ChatMessage[] {
  const seen = error ? `When it ran, it failed with:\n${error}\n\n` : '';
  return [
    { role: 'system', content: codeAssistantSystemPrompt },
    {
      role: 'user',
      content: `Find and fix the errors in this script; keep what it is meant to do.\n${seen}The script:\n\`\`\`javascript\n${code}\n\`\`\``,
    },
  ];
}
