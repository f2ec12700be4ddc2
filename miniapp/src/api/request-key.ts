import { buildPath } from '@cbc/shared/contracts/endpoint';
import { routes, type Route } from '@cbc/shared/contracts/routes';
import type { Language } from '@cbc/shared/i18n/language-tags';

// Free of Taro and zod on purpose: the h5 page's inline boot script (src/boot) names its early calls
// with the same function as the client, so a reply fetched before the app ran is found by its key.

export type RouteName = keyof typeof routes;

/** The path parameters and query of one call, before the language is added. */
export interface CallArgs {
  params?: Record<string, string | number> | undefined;
  query?: Record<string, unknown> | undefined;
}

/**
 * A call's identity and URL: its path with the sorted query, `lang` always included, e.g.
 * `/api/v1/guides?card=yuanyou&lang=zh-Hant`. It names the call in the offline cache too.
 */
export function requestKey(endpoint: RouteName, args: CallArgs, lang: Language): string {
  const path = buildPath(routes[endpoint].path, args.params ?? {});
  const query: Record<string, string> = { lang };
  for (const [name, value] of Object.entries(args.query ?? {})) {
    if (value !== undefined && value !== null) query[name] = String(value);
  }
  const search = Object.keys(query)
    .sort()
    .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(query[name] ?? '')}`)
    .join('&');
  return `${path}?${search}`;
}

/**
 * The session a call's reply belongs to: its token for an endpoint with `auth`, '' for a public one
 * (whose reply is the same for everyone). An early reply is used only for the same session.
 */
export function replyOwnerToken(endpoint: RouteName, token: string | undefined): string {
  const route: Route = routes[endpoint];
  return route.auth ? (token ?? '') : '';
}
