import { describe, expect, it } from 'vitest';
import {
  api,
  authEndpoints,
  buildPath,
  cardEndpoints,
  errorEnvelopeSchema,
  guideEndpoints,
  guideSchema,
  healthEndpoints,
  historyEndpoints,
  messageEndpoints,
  routes,
  slugSchema,
  topupEndpoints,
  tripEndpoints,
  type ContractDomain,
} from '../src/contracts/index';

describe('buildPath', () => {
  it('fills and encodes params', () => {
    expect(buildPath(api.getGuide.path, { slug: 'yuanyou-online' })).toBe('/api/v1/guides/yuanyou-online');
    expect(buildPath('/api/v1/x/:id', { id: 'a b/c' })).toBe('/api/v1/x/a%20b%2Fc');
  });

  it('refuses a missing param instead of sending ":slug"', () => {
    expect(() => buildPath(api.getGuide.path)).toThrow(/slug/);
  });
});

describe('contracts', () => {
  it('every endpoint lives under /api/v1 and declares a 2xx reply', () => {
    for (const endpoint of Object.values(api)) {
      expect(endpoint.path.startsWith('/api/v1/')).toBe(true);
      expect(Object.keys(endpoint.responses).some((status) => status.startsWith('2'))).toBe(true);
    }
  });

  it('every endpoint has a route naming the contract module that defines it, and every route an endpoint', () => {
    const modules: Record<ContractDomain, Record<string, { domain: ContractDomain }>> = {
      health: healthEndpoints,
      guides: guideEndpoints,
      auth: authEndpoints,
      messages: messageEndpoints,
      cards: cardEndpoints,
      topup: topupEndpoints,
      history: historyEndpoints,
      trips: tripEndpoints,
    };
    expect(Object.keys(routes).sort()).toEqual(Object.keys(api).sort());
    for (const [domain, endpoints] of Object.entries(modules)) {
      for (const [name, endpoint] of Object.entries(endpoints)) {
        expect({ name, domain: endpoint.domain }).toEqual({ name, domain });
        expect(routes[name as keyof typeof routes].domain).toBe(domain);
      }
    }
  });

  it('slugs are kebab-case', () => {
    expect(slugSchema.safeParse('zhonggangtong-online').success).toBe(true);
    for (const bad of ['', 'Upper', 'a--b', '-a', 'a_b', '../etc'])
      expect(slugSchema.safeParse(bad).success).toBe(false);
  });

  it('the error envelope refuses unknown codes', () => {
    expect(
      errorEnvelopeSchema.safeParse({ error: { code: 'VALIDATION_FAILED', message: 'x', field: 'card' } }).success,
    ).toBe(true);
    expect(errorEnvelopeSchema.safeParse({ error: { code: 'OOPS', message: 'x' } }).success).toBe(false);
  });

  it('a guide needs its steps and simulation notice', () => {
    const guide = {
      slug: 'yuanyou-online',
      card: 'yuanyou',
      kind: 'online',
      title: 't',
      summary: 's',
      stepCount: 1,
      prerequisites: [],
      steps: [{ title: 'a', detail: 'b' }],
      tips: [],
      simulationNotice: 'n',
      updatedAt: '2026-11-25',
    };
    expect(guideSchema.parse(guide)).toEqual(guide);
    const { simulationNotice: _notice, ...withoutNotice } = guide;
    expect(guideSchema.safeParse(withoutNotice).success).toBe(false);
  });
});
