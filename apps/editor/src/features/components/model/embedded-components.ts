import type { ResolvedComponent } from './resolved-component';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * `flow.components` entries for resolved components, as the API embeds them when it checks
 * a draft: each document with its id and version first (a stray id or version in the
 * document is dropped). `except` leaves one component out (the one being edited).
 */
export function embeddedComponents(resolved: readonly ResolvedComponent[], except?: string): Record<string, unknown>[] {
  return resolved
    .filter((component) => component.id !== except)
    .map((component) => {
      const document = isRecord(component.document) ? component.document : {};
      const rest = Object.fromEntries(Object.entries(document).filter(([key]) => key !== 'id' && key !== 'version'));
      return { id: component.id, version: component.version, ...rest };
    });
}
