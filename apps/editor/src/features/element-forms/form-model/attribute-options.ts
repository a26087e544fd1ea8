import { attributeTypesCompatible, builtInAttributes, type AttributeDeclaration, type AttributeType, type FormMeta } from '@parley/elements';

export type AttributeOption = { readonly name: string; readonly type: AttributeType; readonly builtIn: boolean };

function fits(declaration: AttributeDeclaration, meta: FormMeta): boolean {
  const types = meta.attributeTypes;
  if (!types || types.length === 0) return true;
  return meta.attributeAccess === 'write' ? types.some((type) => attributeTypesCompatible(type, declaration.type)) : types.includes(declaration.type);
}

/**
 * The attributes an attribute field offers, in declaration order: the flow's declared
 * attributes that fit the field's `attributeTypes`, then (for fields that only read) the
 * built-in inbound attributes that fit. Written fields never offer built-ins: flows may
 * not write them.
 */
export function attributeOptions(declared: readonly AttributeDeclaration[], meta: FormMeta): AttributeOption[] {
  const options: AttributeOption[] = declared
    .filter((declaration) => fits(declaration, meta))
    .map((declaration) => ({ name: declaration.name, type: declaration.type, builtIn: false }));
  if (meta.attributeAccess !== 'write') {
    for (const builtIn of builtInAttributes) {
      if (fits(builtIn, meta) && !options.some((option) => option.name === builtIn.name))
        options.push({ name: builtIn.name, type: builtIn.type, builtIn: true });
    }
  }
  return options;
}
