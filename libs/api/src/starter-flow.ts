import type { FlowInput } from '@parley/engine';

/**
 * The draft a new bot gets when the caller sends none: the smallest useful
 * flow, one dialog whose only element greets the user. It passes validateFlow
 * with no errors and no warnings (pinned by starter-flow.test.ts). A fresh
 * object on every call, so callers may modify it.
 */
export function starterFlow(): FlowInput {
  return {
    version: 1,
    attributes: [],
    entryDialogId: 'main',
    dialogs: [
      {
        id: 'main',
        name: 'Main',
        startElementId: 'welcome',
        elements: [{ id: 'welcome', type: 'send-message', text: 'Hello! This bot has no conversation yet.' }],
        edges: [],
      },
    ],
  };
}
