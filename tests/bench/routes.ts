import autocannon from 'autocannon';
import { cpuTimeMs, loadCpuTimeMs, residentMemoryMb } from './processes';
import type { Row } from './report';

export interface LoadOptions {
  connections: number;
  durationS: number;
  /**
   * Sent the same way just before the measured `durationS` and not counted, as the paced rows and the
   * cycles do: a route's first calls run code V8 has not optimised yet, on the server and in autocannon.
   * Timed at the server, the first second of order creation on PostgreSQL had a p99 of 38–45 ms and each
   * second after it 15–22 ms; with the pool's connections kept open the first second was as slow.
   */
  warmupS: number;
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
  const options = {
    url: route.url,
    method: route.method ?? 'GET',
    headers: route.headers,
    body: route.body,
    connections: load.connections,
    ...(route.setupRequest ? { requests: [{ setupRequest: route.setupRequest }] } : {}),
  } as const;
  if (load.warmupS > 0) await autocannon({ ...options, duration: load.warmupS });
  const cpuBefore = pid ? cpuTimeMs(pid) : 0;
  const loadCpuBefore = loadCpuTimeMs();
  const result = await autocannon({ ...options, duration: load.durationS });
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
