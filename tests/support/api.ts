import type { RunningServer } from './server';

export interface ApiCallOptions {
  token?: string;
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
}

/** One request to a running server over real HTTP; the reply's status and parsed JSON body. */
export async function callApi<T>(
  server: RunningServer,
  method: string,
  path: string,
  options: ApiCallOptions = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const reply = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers,
    body: options.form ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  const text = await reply.text();
  return { status: reply.status, body: (text ? JSON.parse(text) : null) as T };
}

/** `callApi` for a step that must succeed: a 3xx–5xx throws with the reply. */
export async function okApi<T>(
  server: RunningServer,
  method: string,
  path: string,
  options: ApiCallOptions = {},
): Promise<T> {
  const reply = await callApi<T>(server, method, path, options);
  if (reply.status >= 300) throw new Error(`${method} ${path} → ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}
