'use client';

import { EmptyState } from '../../../ui/empty-state';
import type { ComponentSummary } from '../model/component-summary';
import { DraftsTable } from '../../bots/components/drafts-table';

type ComponentsTableProps = {
  components: ComponentSummary[];
  /** Builders and owners: the empty state points at "New component". */
  canEdit: boolean;
};

/**
 * The workspace's components as a table (name linking to the editor, description, latest
 * published version, last change) with a search box (name and description, as you
 * type); the empty state when there are none, and "No components match …".
 */
export function ComponentsTable({ components, canEdit }: ComponentsTableProps) {
  if (components.length === 0) {
    return (
      <EmptyState id="no-components-title" title="No components yet">
        <p>
          {canEdit
            ? 'A component is a piece of conversation (its own dialogs, inputs and outputs) that bots reuse with the Component element. Create one with “New component”.'
            : 'Components created in this workspace will be listed here.'}
        </p>
      </EmptyState>
    );
  }
  return (
    <DraftsTable items={components} noun={{ one: 'component', many: 'components' }} hrefOf={(component) => `/components/${encodeURIComponent(component.id)}`} tableTestId="components-table" rowIdAttribute="data-component-id" />
  );
}
