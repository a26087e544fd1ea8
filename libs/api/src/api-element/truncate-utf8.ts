/** `text` cut to at most `maxBytes` of UTF-8 (never inside a character), with its full size. */
export type TruncatedText = { text: string; truncated: boolean; bytes: number };

/** Cuts `text` to at most `maxBytes` UTF-8 bytes at a character boundary. Pure. */
export function truncateUtf8(text: string, maxBytes: number): TruncatedText {
  const encoded = Buffer.from(text, 'utf8');
  if (encoded.length <= maxBytes) return { text, truncated: false, bytes: encoded.length };
  let end = maxBytes;
  // Step back over continuation bytes (10xxxxxx) so the cut falls before a character's first byte.
  while (end > 0 && ((encoded[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return { text: encoded.subarray(0, end).toString('utf8'), truncated: true, bytes: encoded.length };
}
