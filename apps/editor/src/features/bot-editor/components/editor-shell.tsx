'use client';

import { ReactFlowProvider } from '@xyflow/react';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { Button } from '../../../ui/button';
import { cn } from '../../../ui/cn';
import { AttributesDialog } from '../../attributes/components/attributes-dialog';
import { CommandPalette } from '../../canvas/components/command-palette';
import { DialogCanvas } from '../../canvas/components/dialog-canvas';
import { ElementPalette } from '../../canvas/components/element-palette';
import { ComponentAwareProblemsWatcher, type ComponentAwareCheck } from '../../components/components/component-aware-problems-watcher';
import type { AttributeRolesEditor } from '../../components/model/attribute-roles-editor';
import { ElementSettings } from '../../element-forms/components/element-settings';
import { VersionListDialog } from '../../versions/components/version-list-dialog';
import { VersionsDialog } from '../../versions/components/versions-dialog';
import type { EditingTarget } from '../document/editing-target';
import type { EditorFlow } from '../document/editor-flow';
import { useAutosave } from '../hooks/use-autosave';
import { useRegisterCommands } from '../hooks/use-register-commands';
import { EditorStoresProvider, useFlow, useFlowStore, useProblems, useSelection, useUndoAvailability } from '../store/editor-stores';
import type { EditorCommand } from '../store/editor-commands';
import { BotNameEditor } from './bot-name-editor';
import { ConflictDialog } from './conflict-dialog';
import { DialogsSidebar } from './dialogs-sidebar';
import { ProblemsPanel } from './problems-panel';
import { PublishDialog } from './publish-dialog';
import { SaveStatusLabel } from './save-status-label';

export type EditorShellProps = {
  target: EditingTarget;
  /** The document when the page loaded: its name, draft as a flow, revision and latest published version. */
  initial: { id: string; name: string; draft: EditorFlow; draftRevision: number; latestVersion: number | null };
  /** Builders and owners edit; analysts look. */
  canEdit: boolean;
  /**
   * How the document is checked for the Problems panel, with the components it uses;
   * default a bot's check (validateFlow with them embedded, see checkBotFlow).
   */
  check?: ComponentAwareCheck | undefined;
  /** A component's attribute roles, for the Attributes dialog's Role column. */
  attributeRoles?: AttributeRolesEditor | undefined;
  /** Called after each successful rename with the stored name. */
  onRenamed?: ((name: string) => void) | undefined;
};

/**
 * The visual editor of one document (a bot's draft or a component's, see EditingTarget):
 * dialogs and the element palette on the left, the open dialog's canvas in the middle
 * (Problems below it on demand), the selected element's settings on the right. Edits go
 * to the document store and are saved automatically through the target.
 */
export function EditorShell(props: EditorShellProps) {
  return (
    <EditorStoresProvider flow={props.initial.draft}>
      <ReactFlowProvider>
        <ComponentAwareProblemsWatcher check={props.check} />
        <EditorFrame {...props} />
      </ReactFlowProvider>
    </EditorStoresProvider>
  );
}

function EditorFrame({ target, initial: bot, canEdit, attributeRoles, onRenamed }: EditorShellProps) {
  const { labels } = target;
  const group: EditorCommand['group'] = labels.noun === 'bot' ? 'Bot' : 'Component';
  const { controller, status, revision } = useAutosave(target, bot.draftRevision, canEdit);
  const flowStore = useFlowStore();
  const { canUndo, canRedo } = useUndoAvailability();
  const errorCount = useProblems((state) => state.errors.length);
  const warningCount = useProblems((state) => state.warnings.length);
  const [problemsOpen, setProblemsOpen] = useState(false);
  const [publishOpen, setPublishOpen] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [attributesOpen, setAttributesOpen] = useState(false);
  const [latestVersion, setLatestVersion] = useState(bot.latestVersion);
  const [notice, setNotice] = useState<string | null>(null);

  const exportDraft = () => {
    const file = target.exportFile(flowStore.getState().flow);
    const text = `${JSON.stringify(file.document, null, 2)}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.fileName;
    link.click();
    URL.revokeObjectURL(url);
  };

  const commands = useMemo<EditorCommand[]>(
    () => [
      { id: 'bot.save', title: 'Save now', group, shortcut: 'Ctrl+S', disabled: !canEdit, run: () => void controller.flush() },
      { id: 'bot.publish', title: 'Publish…', group, disabled: !canEdit, run: () => setPublishOpen(true) },
      { id: 'bot.versions', title: 'Version history', group, keywords: ['restore', 'diff', 'compare'], run: () => setVersionsOpen(true) },
      { id: 'bot.attributes', title: 'Attributes', group, keywords: ['variables'], run: () => setAttributesOpen(true) },
      { id: 'bot.export', title: 'Export flow (JSON)', group, keywords: ['download'], run: exportDraft },
      { id: 'view.problems', title: 'Show problems', group: 'View', keywords: ['errors', 'warnings', 'validation'], run: () => setProblemsOpen(true) },
    ],
    // exportDraft reads the store when it runs, so it needs no dependency of its own.
    [canEdit, controller, group],
  );
  useRegisterCommands('bot-editor', commands);

  // Ctrl/⌘+S saves at once (and never opens the browser's "Save page").
  const onKeyDown = (event: React.KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (canEdit) void controller.flush();
    }
  };

  return (
    <div className="bot-editor-root flex h-[calc(100dvh-3.5rem)] min-h-[560px] flex-col" onKeyDown={onKeyDown}>
      <header className="flex h-12 shrink-0 items-center gap-2 border-b px-3">
        <Link href={labels.listHref} className="text-sm whitespace-nowrap text-muted-foreground" aria-label={labels.listLabel}>
          {labels.listText}
        </Link>
        <span aria-hidden className="text-muted-foreground">/</span>
        <BotNameEditor
          initialName={bot.name}
          readOnly={!canEdit}
          noun={labels.noun}
          rename={async (name) => {
            const renamed = await target.rename(name);
            onRenamed?.(renamed.name);
            return renamed;
          }}
        />
        {canEdit ? <SaveStatusLabel status={status} revision={revision} /> : <span className="text-xs text-muted-foreground">Read only</span>}
        <span className="text-xs whitespace-nowrap text-muted-foreground" data-testid="published-version">
          {latestVersion === null ? 'Never published' : `Published: v${latestVersion}`}
        </span>
        <div className="ml-auto flex items-center gap-1">
          {canEdit && (
            <>
              <Button variant="ghost" size="sm" disabled={!canUndo} onClick={() => flowStore.getState().undo()} title="Undo (Ctrl+Z)">
                Undo
              </Button>
              <Button variant="ghost" size="sm" disabled={!canRedo} onClick={() => flowStore.getState().redo()} title="Redo (Ctrl+Shift+Z)">
                Redo
              </Button>
            </>
          )}
          <Button
            variant="ghost"
            size="sm"
            aria-pressed={problemsOpen}
            onClick={() => setProblemsOpen((open) => !open)}
            aria-label={`Problems: ${plural(errorCount, 'error')}, ${plural(warningCount, 'warning')}`}
            className={cn(errorCount > 0 && 'text-destructive')}
          >
            {/* The counts are in the accessible name (aria-label); drawn as CSS content so the visible text ("Problems") stays a part of it. */}
            Problems
            <span aria-hidden="true" data-count={errorCount > 0 ? `${errorCount} ✕` : '✓'} className="tabular-nums after:content-[attr(data-count)]" />
            {warningCount > 0 && (
              <span aria-hidden="true" data-count={`${warningCount} !`} className="text-amber-700 tabular-nums after:content-[attr(data-count)] dark:text-amber-400" />
            )}
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setAttributesOpen(true)}>
            Attributes
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setVersionsOpen(true)}>
            Versions
          </Button>
          <Button variant="ghost" size="sm" onClick={exportDraft} title={`Download the ${labels.noun === 'bot' ? 'flow' : labels.noun} document (JSON)`}>
            Export
          </Button>
          <span className="hidden text-xs text-muted-foreground xl:inline" aria-hidden>
            Ctrl+K
          </span>
          {canEdit && (
            <Button size="sm" onClick={() => setPublishOpen(true)}>
              Publish
            </Button>
          )}
        </div>
      </header>
      {notice && (
        <div role="status" className="flex items-center gap-3 border-b bg-success/10 px-3 py-1.5 text-sm text-success">
          {notice}
          <button type="button" className="ml-auto cursor-pointer text-xs underline" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      {status.kind === 'failed' && (
        <div role="alert" className="flex items-center gap-3 border-b bg-destructive/10 px-3 py-1.5 text-sm text-destructive">
          Not saved: {status.message}
          <Button variant="outline" size="sm" className="ml-auto h-7" onClick={() => void controller.flush()}>
            Try again
          </Button>
        </div>
      )}
      <div className="flex min-h-0 flex-1">
        <aside className="flex w-60 shrink-0 flex-col border-r" aria-label="Dialogs and elements">
          <div className="max-h-[40%] min-h-0 shrink-0 overflow-hidden border-b">
            <DialogsSidebar readOnly={!canEdit} />
          </div>
          {canEdit && (
            <div className="min-h-0 flex-1 overflow-y-auto">
              <ElementPalette />
            </div>
          )}
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <div className="relative min-h-0 flex-1">
            <OpenDialogCanvas readOnly={!canEdit} />
          </div>
          {problemsOpen && (
            <div className="h-56 shrink-0">
              <ProblemsPanel onClose={() => setProblemsOpen(false)} noun={labels.noun} />
            </div>
          )}
        </div>
        {canEdit && <SettingsPanel />}
      </div>
      <CommandPalette />
      <ConflictDialog noun={labels.noun} message={status.kind === 'conflict' ? status.message : null} onReload={() => controller.reload()} onOverwrite={() => controller.overwrite()} />
      <PublishDialog
        publish={(note) => target.publish(note)}
        noun={labels.noun}
        withNote={target.publishNote}
        open={publishOpen}
        onOpenChange={setPublishOpen}
        flush={() => controller.flush()}
        onPublished={(version) => {
          setLatestVersion(version);
          setNotice(
            labels.noun === 'bot'
              ? `Version ${version} published. New conversations use it from now on.`
              : `Version ${version} published. Bots using this ${labels.noun} get it when they are next published.`,
          );
        }}
        onShowProblems={() => setProblemsOpen(true)}
      />
      {target.listVersions ? (
        <VersionListDialog
          open={versionsOpen}
          onOpenChange={setVersionsOpen}
          queryKey={['versions', target.key]}
          listVersions={target.listVersions}
          noun={labels.noun}
        />
      ) : (
      <VersionsDialog
        botId={bot.id}
        open={versionsOpen}
        onOpenChange={setVersionsOpen}
        readOnly={!canEdit}
        draftRevision={revision}
        draft={flowStore.getState().flow}
        onRestored={(flow, draftRevision) => {
          controller.adopt(flow, draftRevision);
          setNotice(`Version restored into the draft (revision ${draftRevision}).`);
        }}
      />
      )}
      <AttributesDialog open={attributesOpen} onOpenChange={setAttributesOpen} readOnly={!canEdit} roles={attributeRoles} />
    </div>
  );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Only the open dialog's canvas is mounted; an empty dialog says how to start. */
function OpenDialogCanvas({ readOnly }: { readOnly: boolean }) {
  const dialogId = useSelection((state) => state.dialogId);
  const exists = useFlow((state) => state.flow.dialogs.some((dialog) => dialog.id === dialogId));
  if (!exists) return <p className="grid h-full place-items-center text-sm text-muted-foreground">Choose a dialog on the left.</p>;
  return <DialogCanvas key={dialogId} readOnly={readOnly} />;
}

/** The right-hand panel: the selected element's settings, or what to do. */
function SettingsPanel() {
  const selected = useSelection((state) => state.selectedElementIds);
  const only = selected.length === 1 ? selected[0] : undefined;
  return (
    <aside aria-label="Element settings" className="flex w-[360px] shrink-0 flex-col overflow-y-auto border-l">
      {only ? (
        <ElementSettings key={only} elementId={only} />
      ) : (
        <div className="p-4 text-sm text-muted-foreground">
          {selected.length > 1 ? (
            <p>{selected.length} elements selected. Copy (Ctrl+C), duplicate (Ctrl+D) or delete (Delete) them together.</p>
          ) : (
            <>
              <p className="font-medium text-foreground">No element selected</p>
              <p className="mt-1">Select an element on the canvas to edit its settings, or add one from the palette. Ctrl+K opens the command palette.</p>
            </>
          )}
        </div>
      )}
    </aside>
  );
}
