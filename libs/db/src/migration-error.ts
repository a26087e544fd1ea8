/** A migration could not be applied, or the recorded history disagrees with the files. Names the migration. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';

  constructor(
    readonly migrationName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`Migration ${migrationName}: ${message}`, options);
  }
}
