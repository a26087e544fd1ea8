import type { Flow } from '@parley/engine';
import { echoFlow } from '../support/echo-flow';

/** echoFlow with quick replies on the greeting: "ready" [Yes, No], then "echo <text>" forever. */
export const quickReplyFlow: Flow = {
  ...echoFlow,
  dialogs: echoFlow.dialogs.map((dialog) => ({
    ...dialog,
    elements: dialog.elements.map((element) =>
      element.id === 'ready' && element.type === 'send-message' ? { ...element, buttons: [{ label: 'Yes' }, { label: 'No' }] } : element,
    ),
  })),
};
