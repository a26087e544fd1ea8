import type { AttributeDeclaration } from './attribute-declaration-schema';

/** What an element needs to know about a component it may enter (flow.components). */
export type ComponentSummary = {
  readonly id: string;
  readonly name: string;
  readonly inputs: readonly AttributeDeclaration[];
  readonly outputs: readonly AttributeDeclaration[];
};

/** Where an element sits: in one of the bot's dialogs, or in a dialog of a component. */
export type ElementScope = { readonly kind: 'bot' } | { readonly kind: 'component'; readonly componentId: string };

/**
 * What an element's `validate` hook may consult. Everything is about the element's
 * scope: a component's elements see the component's attributes and dialogs.
 */
export type ValidationContext = {
  /**
   * Attributes the element may use, by name: those declared in its scope plus the
   * built-in (inbound) ones. Look names up with Object.hasOwn or lookupDeclaration.
   */
  readonly declarations: Readonly<Record<string, AttributeDeclaration>>;
  /** Dialogs of the element's scope (goto / fallback targets). */
  readonly dialogs: readonly { readonly id: string; readonly name: string }[];
  /** Components embedded in the flow. */
  readonly components: readonly ComponentSummary[];
  /** True for inbound (engine-maintained, read-only) attributes. */
  isInbound(name: string): boolean;
  readonly scope: ElementScope;
};

/** The declaration of `name` in `declarations`, or undefined (safe for any name). */
export function lookupDeclaration(
  declarations: Readonly<Record<string, AttributeDeclaration>>,
  name: string,
): AttributeDeclaration | undefined {
  return Object.hasOwn(declarations, name) ? declarations[name] : undefined;
}
