/** `attributeApi.get('name')` / `.set("name", …)` with a literal name (the Code element's validation reads the same). */
const attributeApiCall = /(\battributeApi\s*\.\s*(get|set)\s*\(\s*)(['"`])([^'"`\\]*)\3/g;

/** The attributes a Code script names literally, with whether it reads (get) or writes (set) them. */
export function scriptAttributeNames(code: string): { name: string; access: 'read' | 'write' }[] {
  return [...code.matchAll(attributeApiCall)].map((match) => ({ name: match[4] ?? '', access: match[2] === 'set' ? 'write' : 'read' }));
}

/** The script with every literal `attributeApi.get/set` name `from` changed to `to`; everything else verbatim. */
export function renameInScript(code: string, from: string, to: string): string {
  return code.replace(attributeApiCall, (call: string, head: string, _verb: string, quote: string, name: string) => (name === from ? `${head}${quote}${to}${quote}` : call));
}
