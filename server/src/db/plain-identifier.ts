/**
 * Refuses a name that is not a plain lower-case SQL identifier, for the few places that must write a name
 * into SQL text itself (a channel to LISTEN on, a trigger's table and column), where no parameter can stand.
 */
export function assertPlainIdentifier(name: string, where: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`${where}: not a plain identifier: ${name}`);
}
