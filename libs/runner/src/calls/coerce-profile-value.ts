import type { AttributeValue, ProfileField } from '@parley/elements';

export type CoercedProfileValue = { ok: true; value: AttributeValue } | { ok: false; message: string };

/**
 * The value to store in a Person field, or why it does not fit. null always fits (it
 * clears the field). Standard fields and 'text' take text (numbers and booleans are
 * written as text); 'number' takes a finite number or numeric text; 'boolean' takes a
 * boolean or 'true'/'false'; 'date' takes ISO 8601 text (YYYY-MM-DD, optionally with a
 * time); 'list' takes an array.
 */
export function coerceProfileValue(field: ProfileField, value: AttributeValue): CoercedProfileValue {
  if (value === null) return { ok: true, value: null };
  const type = typeof field === 'string' ? 'text' : field.type;
  const name = typeof field === 'string' ? field : field.custom;
  const misfit = (): CoercedProfileValue => ({ ok: false, message: `${JSON.stringify(value)} does not fit ${name} (${type}).` });
  switch (type) {
    case 'text':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? { ok: true, value: String(value) } : misfit();
    case 'number': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
      return Number.isFinite(number) ? { ok: true, value: number } : misfit();
    }
    case 'boolean': {
      if (typeof value === 'boolean') return { ok: true, value };
      const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
      return text === 'true' || text === 'false' ? { ok: true, value: text === 'true' } : misfit();
    }
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value.trim()) && !Number.isNaN(Date.parse(value.trim()))
        ? { ok: true, value: value.trim() }
        : misfit();
    case 'list':
      return Array.isArray(value) ? { ok: true, value } : misfit();
  }
}
