/**
 * Every page path of the app, in one place: app.config.ts (evaluated by Taro at build time) and the
 * navigation helpers both read these, so a moved page cannot leave a dangling link.
 * Keep this module free of imports: the build-time evaluation of app.config.ts loads it directly.
 */

/** Tab pages live in the main package (WeChat requires it). */
export const TAB_PAGES = {
  home: 'pages/home/index',
  guides: 'pages/guides/index',
} as const;

/** The guide reading flow is a subpackage (分包), preloaded from the guides tab. */
export const GUIDES_PACKAGE_ROOT = 'packages/guides';

export const GUIDES_PACKAGE_PAGES = {
  detail: 'pages/detail/index',
  channel: 'pages/channel/index',
} as const;

export const ROUTES = {
  home: TAB_PAGES.home,
  guides: TAB_PAGES.guides,
  guideDetail: `${GUIDES_PACKAGE_ROOT}/${GUIDES_PACKAGE_PAGES.detail}`,
  channelDetail: `${GUIDES_PACKAGE_ROOT}/${GUIDES_PACKAGE_PAGES.channel}`,
} as const;

export type RouteName = keyof typeof ROUTES;

/** A navigable URL: Taro wants a leading slash and a plain query string. */
export function routeUrl(route: RouteName, query: Record<string, string> = {}): string {
  const pairs = Object.entries(query).map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  return `/${ROUTES[route]}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`;
}
