'use client';

import { useCallback, useState } from 'react';
import { browserApi } from '../../../trpc/browser-api';
import { EditorShell } from '../../bot-editor/components/editor-shell';
import { exportFileName, type EditingTarget } from '../../bot-editor/document/editing-target';
import type { EditorFlow } from '../../bot-editor/document/editor-flow';
import type { AttributeRole, AttributeRoles } from '../model/attribute-role';
import { roleOf } from '../model/attribute-role';
import type { AttributeRolesEditor } from '../model/attribute-roles-editor';
import { checkComponentFlow } from '../model/check-component-flow';
import { componentToEditorFlow, editorFlowToComponent, groupByRole } from '../model/component-flow';
import type { ComponentAwareCheck } from './component-aware-problems-watcher';

export type ComponentEditorProps = {
  /** The component as the page loaded it, its draft opened with componentToEditorFlow. */
  component: { id: string; name: string; flow: EditorFlow; roles: AttributeRoles; draftRevision: number; latestVersion: number | null };
  /** Builders and owners edit; analysts look. */
  canEdit: boolean;
};

/** What the target's functions read when they run: the name and roles as they are now. */
type Live = { name: string; roles: AttributeRoles; setRoles(roles: AttributeRoles): void };

/** The editing target of a component: its draft through the components router, mapped to and from the editor's flow. */
function componentEditingTarget(componentId: string, live: Live): EditingTarget {
  return {
    key: `component:${componentId}`,
    labels: { noun: 'component', listHref: '/components', listLabel: 'All components', listText: '← Components' },
    saveDraft: (flow, expectedRevision) =>
      browserApi.components.saveDraft.mutate({ id: componentId, draft: editorFlowToComponent(flow, live.roles, live.name), expectedRevision, allowErrors: true }),
    remoteState: async () => {
      const component = await browserApi.components.get.query({ id: componentId });
      return { draftRevision: component.draftRevision, updatedBy: null };
    },
    loadDraft: async () => {
      const component = await browserApi.components.get.query({ id: componentId });
      const opened = componentToEditorFlow(component.draft);
      if (!opened) throw new Error('The saved draft is not a component the editor can open.');
      live.name = component.name;
      live.setRoles(opened.roles);
      return { flow: opened.flow, draftRevision: component.draftRevision };
    },
    publish: () => browserApi.components.publish.mutate({ id: componentId }),
    publishNote: false,
    rename: async (name) => {
      const renamed = await browserApi.components.update.mutate({ id: componentId, name });
      live.name = renamed.name;
      return renamed;
    },
    exportFile: (flow) => ({ fileName: exportFileName(live.name, 'component', '.component.json'), document: editorFlowToComponent(flow, live.roles, live.name) }),
    listVersions: async () => (await browserApi.components.get.query({ id: componentId })).versions,
  };
}

/**
 * A component in the visual editor: the bot editor's shell with the component's document
 * (its inputs, outputs and working attributes in the Attributes dialog, each with its
 * role), checked as the API checks a component, published as numbered versions.
 */
export function ComponentEditor({ component, canEdit }: ComponentEditorProps) {
  const [roles, setRoles] = useState(component.roles);
  const [live] = useState<Live>(() => ({ name: component.name, roles: component.roles, setRoles: () => undefined }));
  live.setRoles = (next) => {
    live.roles = next;
    setRoles(next);
  };
  const [target] = useState(() => componentEditingTarget(component.id, live));
  const rolesEditor: AttributeRolesEditor = {
    of: (name) => roleOf(roles, name),
    set: (name: string, role: AttributeRole) => live.setRoles({ ...live.roles, [name]: role }),
    renamed: (from, to) => live.setRoles({ ...live.roles, [to]: roleOf(live.roles, from) }),
    arrange: (attributes) => groupByRole(attributes, live.roles),
  };
  const check = useCallback<ComponentAwareCheck>((flow, resolved, pending) => checkComponentFlow(component.id, live.name, flow, roles, resolved, pending), [component.id, live, roles]);
  return (
    <EditorShell
      target={target}
      initial={{ id: component.id, name: component.name, draft: component.flow, draftRevision: component.draftRevision, latestVersion: component.latestVersion }}
      canEdit={canEdit}
      check={check}
      attributeRoles={rolesEditor}
    />
  );
}
