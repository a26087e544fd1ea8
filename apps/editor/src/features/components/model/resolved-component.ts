/** One entry of `components.resolve`: a component as a draft using it is checked against. */
export type ResolvedComponent = { id: string; name: string; version: number; source: 'version' | 'draft'; document?: unknown };
