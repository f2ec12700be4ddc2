import type { FastifyBaseLogger, LogLevel } from 'fastify';
import type { Bindings, ChildLoggerOptions } from 'pino';

type WritingLevel = Exclude<LogLevel, 'silent'>;
const WRITING_LEVELS: readonly WritingLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

/**
 * Stands in for a request's pino child until a line is written at a level the parent writes. Levels
 * are prototype methods rather than closures made per request: the stand-in is made for every request,
 * and almost none of them writes a line at `warn`.
 */
class LazyChild {
  readonly level: string;
  #child: FastifyBaseLogger | undefined;
  readonly #parent: FastifyBaseLogger;
  readonly #bindings: Bindings;
  readonly #options: ChildLoggerOptions;
  readonly #written: Readonly<Record<WritingLevel, boolean>>;

  constructor(
    parent: FastifyBaseLogger,
    bindings: Bindings,
    options: ChildLoggerOptions,
    written: Record<WritingLevel, boolean>,
  ) {
    this.level = parent.level;
    this.#parent = parent;
    this.#bindings = bindings;
    this.#options = options;
    this.#written = written;
  }

  #real(): FastifyBaseLogger {
    return (this.#child ??= this.#parent.child(this.#bindings, this.#options));
  }

  #write(level: WritingLevel, args: unknown[]): void {
    if (!this.#written[level]) return;
    (this.#real()[level] as (...values: unknown[]) => void)(...args);
  }

  // The level methods come from the same list as the table of written levels, so the two cannot drift apart.
  static {
    for (const level of WRITING_LEVELS) {
      Object.defineProperty(this.prototype, level, {
        value: function writeAt(this: LazyChild, ...args: unknown[]) {
          this.#write(level, args);
        },
      });
    }
  }

  silent() {}

  child(more: Bindings, moreOptions?: ChildLoggerOptions): FastifyBaseLogger {
    return this.#real().child(more, moreOptions);
  }
}

/** Which levels a logger writes, asked once per parent and level setting. */
const writtenLevels = new WeakMap<FastifyBaseLogger, { level: string; written: Record<WritingLevel, boolean> }>();

function levelsWrittenBy(parent: FastifyBaseLogger): Record<WritingLevel, boolean> {
  const known = writtenLevels.get(parent);
  if (known && known.level === parent.level) return known.written;
  const written = Object.fromEntries(WRITING_LEVELS.map((level) => [level, isWritten(parent, level)])) as Record<
    WritingLevel,
    boolean
  >;
  writtenLevels.set(parent, { level: parent.level, written });
  return written;
}

/**
 * Fastify gives every request a child logger bound to its id, and pino makes a child by serializing and
 * redacting those bindings at once: about 4 µs of a guide request (9–14 % of its rate, side by side),
 * although at `warn` most requests write no line at all. This stands in for that child and becomes it
 * at the first line written at an enabled level, so what is logged is unchanged, the request id included.
 * Levels the parent does not write are no-ops, as they are on pino's own child.
 */
export function lazyChildLogger(
  parent: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  // A route's own log level makes a child that writes other levels than its parent: made as it is.
  if (options.level !== undefined) return parent.child(bindings, options);
  return new LazyChild(parent, bindings, options, levelsWrittenBy(parent)) as unknown as FastifyBaseLogger;
}

function isWritten(logger: FastifyBaseLogger, level: WritingLevel): boolean {
  // Not pino (no isLevelEnabled): every level may write.
  return (logger as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled?.(level) ?? true;
}
