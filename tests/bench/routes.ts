import autocannon from 'autocannon';
import { cpuTimeMs, loadCpuTimeMs, residentMemoryMb } from './processes';
import type { Row } from './report';

export interface LoadOptions {
  connections: number;
  durationS: number;
}

export interface Route {
  name: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Varies each request (order creation: a fresh Idempotency-Key, another card). */
  setupRequest?: autocannon.Request['setupRequest'];
}

/** One route under autocannon for `durationS`; `pid` is the server whose memory is reported. */
export async function loadRoute(route: Route, load: LoadOptions, pid?: number): Promise<Row> {
  const cpuBefore = pid ? cpuTimeMs(pid) : 0;
  const loadCpuBefore = loadCpuTimeMs();
  const result = await autocannon({
    url: route.url,
    method: route.method ?? 'GET',
    headers: route.headers,
    body: route.body,
    connections: load.connections,
    duration: load.durationS,
    ...(route.setupRequest ? { requests: [{ setupRequest: route.setupRequest }] } : {}),
  });
  return {
    name: route.name,
    rate: result.requests.average,
    unit: 'req/s',
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
    loadCpuMsPerOp: (loadCpuTimeMs() - loadCpuBefore) / Math.max(1, result.requests.total),
    ...(pid
      ? { rssMb: residentMemoryMb(pid), cpuMsPerOp: (cpuTimeMs(pid) - cpuBefore) / Math.max(1, result.requests.total) }
      : {}),
  };
}
