import { Pool } from 'undici';
import { cpuTimeMs, loadCpuTimeMs, residentMemoryMb } from './processes';
import { percentile, type Row } from './report';

export interface PacedLoad {
  /** Requests per second, sent on a fixed schedule whether or not earlier ones were answered. */
  rate: number;
  connections: number;
  durationS: number;
  /** Sent at the same rate before the measured `durationS` and not counted: new connections, cold code. */
  warmupS: number;
}

export interface PacedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * An open-loop load at a fixed rate over a pool of keep-alive connections: request n is due at
 * n ÷ rate seconds, and its latency counts from then, so time spent waiting for a free connection
 * behind slow replies is counted too (no coordinated omission). autocannon's `overallRate` does not
 * fit: it lets each connection send its share of a second as fast as it can at the start of that second
 * (a burst every second), and fills its histogram in for an expected interval of 1 ms. The first
 * `warmupS` seconds are sent the same way and left out: the pool's new connections and the first calls'
 * cold code made the first half second of a PostgreSQL run 30 times slower than the rest.
 */
export async function loadPaced(
  origin: string,
  name: string,
  nextRequest: () => PacedRequest,
  load: PacedLoad,
  pid: number,
): Promise<Row> {
  const pool = new Pool(origin, { connections: load.connections, pipelining: 1 });
  const warmup = Math.round(load.rate * load.warmupS);
  const total = warmup + Math.round(load.rate * load.durationS);
  const latencies: number[] = [];
  const answers: Array<Promise<void>> = [];
  let failed = 0;
  let lastAnswerAt = 0;
  let cpuBefore = 0;
  let loadCpuBefore = 0;
  const started = performance.now();
  const measuredFrom = started + load.warmupS * 1000;

  const send = (index: number) => {
    const dueAt = started + (index * 1000) / load.rate;
    const measured = index >= warmup;
    if (index === warmup) {
      cpuBefore = cpuTimeMs(pid);
      loadCpuBefore = loadCpuTimeMs();
    }
    const { method, path, headers, body } = nextRequest();
    answers.push(
      pool.request({ origin, method, path, headers, ...(body === undefined ? {} : { body }) }).then(
        async (reply) => {
          await reply.body.dump();
          if (!measured) return;
          lastAnswerAt = performance.now();
          if (reply.statusCode >= 300) failed += 1;
          else latencies.push(lastAnswerAt - dueAt);
        },
        () => {
          if (measured) failed += 1;
        },
      ),
    );
  };

  let sent = 0;
  await new Promise<void>((resolve) => {
    const sendDue = () => {
      const due = Math.min(total, Math.floor(((performance.now() - started) * load.rate) / 1000) + 1);
      while (sent < due) send(sent++);
      if (sent < total) setTimeout(sendDue, 1);
      else resolve();
    };
    sendDue();
  });
  await Promise.all(answers);
  await pool.close();
  const elapsedS = Math.max(load.durationS, (lastAnswerAt - measuredFrom) / 1000);
  const measuredCount = total - warmup;
  return {
    name,
    rate: latencies.length / elapsedS,
    unit: 'req/s',
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failed,
    rssMb: residentMemoryMb(pid),
    cpuMsPerOp: (cpuTimeMs(pid) - cpuBefore) / Math.max(1, measuredCount),
    loadCpuMsPerOp: (loadCpuTimeMs() - loadCpuBefore) / Math.max(1, measuredCount),
  };
}
