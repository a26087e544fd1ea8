import type { EditorElement } from '../../bot-editor/document/editor-flow';

/** Longest summary; longer ones end with an ellipsis. */
export const maxSummaryLength = 80;

function firstLine(text: string | undefined): string {
  if (text === undefined) return '';
  return text.split('\n').map((line) => line.trim()).find((line) => line !== '') ?? '';
}

function list(items: readonly string[] | undefined): string {
  return (items ?? []).map((item) => item.trim()).filter((item) => item !== '').join(', ');
}

function shorten(text: string): string {
  return text.length > maxSummaryLength ? `${text.slice(0, maxSummaryLength - 1).trimEnd()}…` : text;
}

function describe(element: EditorElement, dialogName: (dialogId: string) => string | undefined): string {
  switch (element.type) {
    case 'send-message':
      return firstLine(element.text);
    case 'user-response': {
      const keywords = list(element.keywords?.map((keyword) => keyword.text));
      const save = element.saveAs ? `→ ${element.saveAs}` : '';
      return [keywords || 'Any reply', save].filter(Boolean).join(' ');
    }
    case 'save-user-response':
      return element.saveAs ? `Save to ${element.saveAs}` : firstLine(element.message?.text);
    case 'conditions':
      return list(element.conditions.map((condition) => condition.name));
    case 'to-dialog':
      return element.dialogId ? `→ ${dialogName(element.dialogId) ?? element.dialogId}` : '';
    case 'delay':
      return `Wait ${element.seconds} s`;
    case 'component':
      return element.componentId;
    case 'conversation-tags':
      return list(element.tags);
    case 'to-agent':
      return [element.queue ?? 'Default queue', list(element.tags)].filter(Boolean).join(' · ');
    case 'csat-survey':
      return firstLine(element.question);
    case 'customer-profiles-event':
      return element.event;
    case 'customer-profiles-profile':
      return element.action === 'get' ? 'Get profile' : 'Create or update profile';
    case 'customer-profiles-tags': {
      const verb = element.action === 'add' ? 'Add' : element.action === 'remove' ? 'Remove' : 'Check';
      const tags = list(element.tags);
      return tags ? `${verb} ${tags}` : '';
    }
    case 'api':
    case 'authentication':
      return element.url ? `${element.method ?? (element.type === 'api' ? 'GET' : 'POST')} ${element.url}` : '';
    case 'webhook':
      return element.urlType === 'dynamic' ? (element.urlAttribute ? `URL from ${element.urlAttribute}` : '') : (element.url ?? '');
    case 'code':
      return firstLine(element.code);
    case 'close-session':
    case 'component-return':
      return '';
  }
}

/**
 * A one-line description of what an element does, from its config: a message's first
 * line, the keywords, the URL ... ('' when there is nothing to say yet). `dialogName`
 * turns a dialog id into its name (To Dialog).
 */
export function elementSummary(element: EditorElement, dialogName: (dialogId: string) => string | undefined = () => undefined): string {
  return shorten(describe(element, dialogName));
}
