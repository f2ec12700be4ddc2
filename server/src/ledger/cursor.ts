import { BadRequestError } from '../errors/app-error';

/**
 * History pages are keyset pages: newest first by (created_at, id), and a page's cursor is the
 * position of its last row. Entries that arrive while a user scrolls are newer than every cursor
 * already handed out, so they never shift later pages: nothing repeats and nothing is skipped (an
 * offset would do both). Times are ISO 8601 UTC text of one fixed length, so text order is time
 * order; the id breaks ties between entries of the same millisecond (a top-up and its bonus).
 */

/** Whose entries a page lists: one card's, or all of one user's cards'. */
export type HistoryScope = { kind: 'card'; id: string } | { kind: 'user'; id: string };

/** The last row of a page; the next page starts strictly after (older than) it. */
export interface CursorPosition {
  createdAt: string;
  id: string;
}

export class CursorInvalidError extends BadRequestError {
  constructor() {
    super('CURSOR_INVALID', {}, 'cursor');
  }
}

const VERSION = 1;
const SCOPE_TAGS = { card: 'c', user: 'u' } as const;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The cursor carries its scope (the card or user it was made for) next to the position, so a cursor
 * from another card or another user is refused instead of silently paging a different list. It is
 * opaque to clients (base64url of a small JSON array), not secret: the scope check, not the encoding,
 * keeps a forged cursor from reaching anything, since every query is bound to the caller's own scope.
 */
export function encodeCursor(scope: HistoryScope, position: CursorPosition): string {
  const payload = [VERSION, SCOPE_TAGS[scope.kind], scope.id, position.createdAt, position.id];
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** The position in `cursor`, if it is well-formed and was made for `scope`; else CursorInvalidError. */
export function decodeCursor(cursor: string, scope: HistoryScope): CursorPosition {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new CursorInvalidError();
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new CursorInvalidError();
  }
  if (!Array.isArray(payload) || payload.length !== 5) throw new CursorInvalidError();
  const [version, tag, scopeId, createdAt, id] = payload as unknown[];
  if (
    version !== VERSION ||
    tag !== SCOPE_TAGS[scope.kind] ||
    scopeId !== scope.id ||
    typeof createdAt !== 'string' ||
    !ISO_INSTANT.test(createdAt) ||
    Number.isNaN(Date.parse(createdAt)) ||
    typeof id !== 'string' ||
    !UUID.test(id)
  ) {
    throw new CursorInvalidError();
  }
  return { createdAt, id };
}
