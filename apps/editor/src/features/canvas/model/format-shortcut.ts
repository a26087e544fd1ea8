const macSymbols: Readonly<Record<string, string>> = { Mod: '⌘', Ctrl: '⌃', Shift: '⇧', Alt: '⌥', Delete: '⌫', Escape: 'Esc' };

/**
 * A shortcut spec ('Mod+Shift+Z': Mod is ⌘ on Apple systems, Ctrl elsewhere) as people
 * read it there: '⇧⌘Z' on a Mac, 'Ctrl+Shift+Z' elsewhere.
 */
export function formatShortcut(spec: string, apple: boolean): string {
  const keys = spec.split('+');
  if (!apple) return keys.map((key) => (key === 'Mod' ? 'Ctrl' : key)).join('+');
  const order = ['Ctrl', 'Alt', 'Shift', 'Mod'];
  const modifiers = keys.filter((key) => order.includes(key)).sort((x, y) => order.indexOf(x) - order.indexOf(y));
  const rest = keys.filter((key) => !order.includes(key));
  return [...modifiers, ...rest].map((key) => macSymbols[key] ?? key).join('');
}
