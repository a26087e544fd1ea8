/**
 * A validation message as shown under its own field: without the leading field path the
 * Problems list needs ("`buttons[1].label`: the label …" → "The label …") when that path
 * is the field's, first letter capitalized. Other messages stay as they are.
 */
export function inlineMessage(message: string, field: string): string {
  const match = /^`([^`]+)`:?\s+/.exec(message);
  if (!match || match[1] !== field) return message;
  const rest = message.slice(match[0].length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
