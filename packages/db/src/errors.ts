/** Thrown at start-up when the database cannot be opened or migrated; names what failed. */
export class DatabaseStartError extends Error {
  override name = 'DatabaseStartError';
}
