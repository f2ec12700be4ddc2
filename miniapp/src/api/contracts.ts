import { api } from '@cbc/shared';
import type { EndpointName } from './client';
import { readableReplies, type ReplySchemas } from './tolerant-replies';

// A mini program's package is installed whole before it starts, so every reply schema is simply bundled
// and built at start. The h5 build loads most of them on demand instead (contracts.h5.ts).

const replies = readableReplies(api);

/** The endpoint's reply schemas if they are loaded (here: always). */
export function loadedReplies(endpoint: EndpointName): ReplySchemas | undefined {
  return replies[endpoint];
}

/** The endpoint's reply schemas, loading them first where they are not bundled with the app's start. */
export function loadReplies(endpoint: EndpointName): Promise<ReplySchemas> {
  const schemas = replies[endpoint];
  return schemas ? Promise.resolve(schemas) : Promise.reject(new Error(`Unknown endpoint ${endpoint}`));
}
