/** Characters no file name may hold on Windows, macOS or Linux (and control characters). */
const unsafe = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/**
 * The name of a bot's export file: `<bot name>.parley.json`, with characters file systems
 * refuse replaced by "-", spaces collapsed, no leading dots; "bot" when nothing is left.
 */
export function exportFileName(botName: string): string {
  const base = botName.replace(unsafe, '-').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 120).trim();
  return `${base === '' ? 'bot' : base}.parley.json`;
}
