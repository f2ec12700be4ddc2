import { request, type Dispatcher } from 'undici';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/**
 * The bench's HTTP call for its set-up and its cycle loop: JSON in and out, a status of 300 or more thrown.
 * undici's `request` (keep-alive pools per origin), not the global `fetch`: the load generator shares the
 * two cores with the server, and `fetch` cost several times more CPU per call here.
 */
export async function call<T>(
  method: 'GET' | 'POST',
  url: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string>; dispatcher?: Dispatcher } = {},
): Promise<T> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const reply = await request(url, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  const text = await reply.body.text();
  if (reply.statusCode >= 300) {
    throw new HttpError(reply.statusCode, `${method} ${new URL(url).pathname} → ${reply.statusCode} ${text}`);
  }
  return (text ? JSON.parse(text) : null) as T;
}

/** Runs `task` over `items` with at most `limit` at a time. */
export async function inBatches<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
