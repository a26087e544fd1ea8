import { describe, expect, it } from 'vitest';
import { quoteIdentifier, redactUrl, splitDatabaseUrl } from './split-database-url';

describe('splitDatabaseUrl', () => {
  it('names the database and points at the maintenance database, keeping everything else', () => {
    expect(splitDatabaseUrl('postgresql://u:p@db:6543/parley_test?sslmode=disable')).toEqual({
      databaseName: 'parley_test',
      maintenanceUrl: 'postgresql://u:p@db:6543/postgres?sslmode=disable',
    });
    expect(() => splitDatabaseUrl('postgresql://127.0.0.1:5432')).toThrow(/names no database/);
  });

  it('quotes identifiers and hides passwords', () => {
    expect(quoteIdentifier('we"ird')).toBe('"we""ird"');
    expect(redactUrl('postgresql://u:secret@h/db')).toBe('postgresql://u:***@h/db');
  });
});
