'use client';

import { useState } from 'react';
import { Button } from '../../../ui/button';
import { EmptyState } from '../../../ui/empty-state';
import { CreateWorkspaceDialog } from './create-workspace-dialog';

/** What a signed-in person who belongs to no workspace sees: how to get one. */
export function NoWorkspace() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <h1 className="mb-6">Welcome to Parley</h1>
      <EmptyState
        id="no-workspace-title"
        title="You are not in any workspace"
        action={<Button onClick={() => setOpen(true)}>Create a workspace</Button>}
      >
        <p>Create one to start building bots, or open an invitation link a teammate sent you.</p>
      </EmptyState>
      <CreateWorkspaceDialog open={open} onOpenChange={setOpen} />
    </>
  );
}
