import { routes } from '@cbc/shared';
import { describe, expect, it, vi } from 'vitest';
import { isCacheable, type EndpointName } from '../../src/api';

// The h5 build loads most reply schemas on demand (contracts.h5.ts); the mini program bundles them
// all (contracts.ts). Both must read every reply alike, and h5 must have what the offline cache needs
// before anything has loaded.

const endpoints = Object.keys(routes) as EndpointName[];

/**
 * Both builds' loaders as a page starts with them: nothing loaded on demand yet. Each test takes fresh
 * copies (and fresh contract modules under them), so none depends on what another has loaded.
 */
async function freshLoaders() {
  vi.resetModules();
  return {
    onDemand: await import('../../src/api/contracts.h5'),
    bundled: await import('../../src/api/contracts'),
  };
}

describe('reply schemas on h5, loaded on demand', () => {
  it('has the schemas of every cacheable endpoint from the start, so a saved copy shows on the first render', async () => {
    const { onDemand } = await freshLoaders();
    const cacheable = endpoints.filter((endpoint) => isCacheable(endpoint));
    expect(cacheable).toContain('listGuides');
    for (const endpoint of cacheable) {
      expect({ endpoint, loaded: onDemand.loadedReplies(endpoint) !== undefined }).toEqual({ endpoint, loaded: true });
    }
  });

  it('leaves the other domains out until their first call', async () => {
    const { onDemand: fresh } = await freshLoaders();
    expect(fresh.loadedReplies('listGuides')).toBeDefined();
    expect(fresh.loadedReplies('listCards')).toBeUndefined();
    expect(fresh.loadedReplies('createOrder')).toBeUndefined();
    await fresh.loadReplies('listCards');
    expect(fresh.loadedReplies('listCards')).toBeDefined();
    expect(fresh.loadedReplies('createOrder')).toBeUndefined();
  });

  it('reads every endpoint with the same schemas as the bundled build, tolerant readings included', async () => {
    const { onDemand, bundled } = await freshLoaders();
    for (const endpoint of endpoints) {
      const lazy = await onDemand.loadReplies(endpoint);
      const eager = await bundled.loadReplies(endpoint);
      expect(Object.keys(lazy).sort()).toEqual(Object.keys(eager).sort());
      for (const status of Object.keys(eager)) {
        // The same schema objects: built once by the same contract module.
        expect(lazy[Number(status)] === eager[Number(status)], `${endpoint} ${status}`).toBe(true);
      }
    }
    // Loaded once, then at hand synchronously.
    expect(onDemand.loadedReplies('listCards')).toBe(await onDemand.loadReplies('listCards'));
  });
});
