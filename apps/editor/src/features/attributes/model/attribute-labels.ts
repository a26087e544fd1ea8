import type { AttributeScope, AttributeType } from '@parley/elements';

/** How the attributes manager names each type. */
export const attributeTypeLabels: Readonly<Record<AttributeType, string>> = {
  text: 'Text',
  number: 'Number',
  boolean: 'Boolean (yes/no)',
  date: 'Date',
  phone: 'Phone',
  email: 'Email',
  url: 'URL',
  list: 'List',
  json: 'JSON',
};

/** How the attributes manager names each scope. */
export const attributeScopeLabels: Readonly<Record<AttributeScope, string>> = {
  session: 'Session',
  person: 'Person',
};
