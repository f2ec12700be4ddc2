import { guideEndpoints, healthEndpoints, routes, type ContractDomain, type Endpoint } from '@cbc/shared';
import type { EndpointName } from './client';
import { earlyEndpoints } from './early-replies';
import type { ReplySchemas } from './tolerant-replies';

// Building every zod schema of the API when the app starts cost a page about 0.5 s of main thread on
// a slow phone (Lighthouse's 4x CPU), most of it for endpoints the page never calls. On h5 each
// contract module is loaded when the first call of its domain is sent, in parallel with that call
// (the client knows where to send it from `routes`, which has no schemas).
//
// Guides and health stay in the entry: their replies are kept in the offline cache, which a page reads
// synchronously on its first render; an endpoint whose schemas are missing then would show no saved copy.

type Endpoints = Readonly<Record<string, Endpoint>>;

/** Kept in the app's first files; see above. */
const EAGER_DOMAINS = { guides: guideEndpoints, health: healthEndpoints } satisfies Partial<
  Record<ContractDomain, Endpoints>
>;
type LazyDomain = Exclude<ContractDomain, keyof typeof EAGER_DOMAINS>;

/**
 * Each domain's schemas are built on its first call. The modules are in this module's own chunk ("eager"),
 * which every page's first files include: loading a domain is only its evaluation, never a file fetched
 * after the call has been sent (History's cards then came a round trip after its list, and the filters
 * under the chart jumped when the card row appeared).
 */
const LAZY_DOMAINS: Record<LazyDomain, () => Promise<Endpoints>> = {
  auth: () => import(/* webpackMode: "eager" */ '@cbc/shared/contracts/auth').then((module) => module.authEndpoints),
  messages: () =>
    import(/* webpackMode: "eager" */ '@cbc/shared/contracts/messages').then((module) => module.messageEndpoints),
  cards: () => import(/* webpackMode: "eager" */ '@cbc/shared/contracts/cards').then((module) => module.cardEndpoints),
  topup: () => import(/* webpackMode: "eager" */ '@cbc/shared/contracts/topup').then((module) => module.topupEndpoints),
  history: () =>
    import(/* webpackMode: "eager" */ '@cbc/shared/contracts/history').then((module) => module.historyEndpoints),
  trips: () => import(/* webpackMode: "eager" */ '@cbc/shared/contracts/trips').then((module) => module.tripEndpoints),
};

const replies: Partial<Record<string, ReplySchemas>> = {};
for (const endpoints of Object.values(EAGER_DOMAINS) as Endpoints[]) {
  for (const [name, endpoint] of Object.entries(endpoints)) replies[name] = endpoint.responses;
}

const loading = new Map<ContractDomain, Promise<void>>();

function loadDomain(domain: LazyDomain): Promise<void> {
  let pending = loading.get(domain);
  if (!pending) {
    // The tolerant readings are small: kept in this module's chunk, not a file of their own fetched only
    // now (a round trip, then a task of its own, before the first reply of any of these domains could show).
    pending = Promise.all([LAZY_DOMAINS[domain](), import(/* webpackMode: "eager" */ './tolerant-replies')]).then(
      ([endpoints, { readableReplies }]) => {
        Object.assign(replies, readableReplies(endpoints));
      },
    );
    // A failed load (offline) is tried again by the next call instead of failing every later one.
    pending.catch(() => loading.delete(domain));
    loading.set(domain, pending);
  }
  return pending;
}

/** The endpoint's reply schemas if they are loaded. */
export function loadedReplies(endpoint: EndpointName): ReplySchemas | undefined {
  return replies[endpoint];
}

/** The endpoint's reply schemas, loading its domain's contract first if needed. */
export async function loadReplies(endpoint: EndpointName): Promise<ReplySchemas> {
  const loaded = replies[endpoint];
  if (loaded) return loaded;
  await loadDomain(routes[endpoint].domain as LazyDomain);
  const schemas = replies[endpoint];
  if (!schemas) throw new Error(`Unknown endpoint ${endpoint}`);
  return schemas;
}

// The boot script has sent the opened page's first calls (src/boot): their schemas start loading with the
// app, so they are usually in by the page's first render, which can then show those replies at once.
for (const endpoint of new Set(earlyEndpoints())) loadReplies(endpoint).catch(() => undefined);
