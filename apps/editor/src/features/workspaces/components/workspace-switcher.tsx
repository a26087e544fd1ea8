'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { browserApi, describeClientError, type RouterOutputs } from '../../../trpc/browser-api';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../../../ui/dropdown-menu';
import { ChevronDownIcon, PlusIcon } from '../../../ui/icons';
import { homePath } from '../role-permissions';
import { CreateWorkspaceDialog } from './create-workspace-dialog';

type WorkspaceSummary = RouterOutputs['workspaces']['list'][number];

type WorkspaceSwitcherProps = {
  workspaces: WorkspaceSummary[];
  /** The workspace the person acts in (null: none). */
  current: { id: string; name: string; role: string } | null;
};

/**
 * The header's workspace menu: the person's workspaces (the active one checked),
 * switching to another, and creating a new one (which becomes active). After a
 * switch the editor reloads the page's data and lands where the new role may be.
 */
export function WorkspaceSwitcher({ workspaces, current }: WorkspaceSwitcherProps) {
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const switchTo = useMutation({
    mutationFn: (workspaceId: string) => browserApi.workspaces.switch.mutate({ workspaceId }),
    onSuccess: (result) => {
      router.push(homePath(result.role));
      router.refresh();
    },
  });

  return (
    <div className="flex items-center gap-2">
      <DropdownMenu>
        {/* Named by its content, so the name holds the visible text (WCAG 2.5.3); the rest is for screen readers. */}
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm" className="max-w-80">
            <span className="sr-only">Workspace: </span>
            <span className="truncate">{current?.name ?? 'No workspace'}</span>
            <span className="sr-only">. Switch or create a workspace, role </span>
            {current && <Badge variant="secondary">{current.role}</Badge>}
            <ChevronDownIcon className="opacity-60" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-72">
          <DropdownMenuLabel>Your workspaces</DropdownMenuLabel>
          <DropdownMenuRadioGroup value={current?.id ?? ''} onValueChange={(id) => id !== current?.id && switchTo.mutate(id)}>
            {workspaces.map((workspace) => (
              <DropdownMenuRadioItem key={workspace.id} value={workspace.id} disabled={switchTo.isPending}>
                <span className="flex-1 truncate">{workspace.name}</span>
                <span className="text-xs text-muted-foreground">{workspace.role}</span>
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setCreating(true)}>
            <PlusIcon />
            Create workspace…
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {switchTo.isPending && (
        <span role="status" className="text-xs text-muted-foreground">
          Switching…
        </span>
      )}
      {switchTo.isError && (
        <span role="alert" className="text-xs text-destructive">
          Could not switch: {describeClientError(switchTo.error)}
        </span>
      )}
      <CreateWorkspaceDialog open={creating} onOpenChange={setCreating} />
    </div>
  );
}
