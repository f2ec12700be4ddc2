import { Worker } from 'node:worker_threads';
import type { SenderInput, SenderMessage } from './paced-sender';
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
 * cold code made the first half second of a PostgreSQL run 30 times slower than the rest, and the
 * sender thread's own code starts cold (the backlog of its first second reached into a 1 s warm-up).
 *
 * The requests are made up front and sent from a worker thread (paced-sender.ts). Sent from this
 * thread, the bench's own major garbage collections (every ~3 s on a heap the earlier rows left at
 * 35–70 MB) held the schedule up for 30–80 ms each, and since latency counts from the due time, every
 * request due meanwhile was counted as that slow: in whole runs they were most of this row's p99 on
 * PostgreSQL (docs/performance.md, "The load generator out of the latency").
 */
export async function loadPaced(
  origin: string,
  name: string,
  nextRequest: () => PacedRequest,
  load: PacedLoad,
  pid: number,
): Promise<Row> {
  const total = Math.round(load.rate * (load.warmupS + load.durationS));
  const input: SenderInput = { origin, load, requests: Array.from({ length: total }, nextRequest) };
  const sender = new Worker(new URL('./paced-sender-thread.mjs', import.meta.url), { workerData: input });
  let cpuBefore = 0;
  let loadCpuBefore = 0;
  const result = await new Promise<Extract<SenderMessage, { kind: 'done' }>>((resolve, reject) => {
    sender.on('message', (message: SenderMessage) => {
      if (message.kind === 'measuring') {
        cpuBefore = cpuTimeMs(pid);
        loadCpuBefore = loadCpuTimeMs();
      } else resolve(message);
    });
    sender.once('error', reject);
    sender.once('exit', (code) => reject(new Error(`paced sender exited with ${code} before it was done`)));
  });
  // Every measured request is answered, by a reply or a failure.
  const measuredCount = result.latencies.length + result.failed;
  const cpuMsPerOp = (cpuTimeMs(pid) - cpuBefore) / Math.max(1, measuredCount);
  const loadCpuMsPerOp = (loadCpuTimeMs() - loadCpuBefore) / Math.max(1, measuredCount);
  await sender.terminate();
  const latencies = Array.from(result.latencies);
  const elapsedS = Math.max(load.durationS, result.measuredMs / 1000);
  return {
    name,
    rate: latencies.length / elapsedS,
    unit: 'req/s',
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failed: result.failed,
    rssMb: residentMemoryMb(pid),
    cpuMsPerOp,
    loadCpuMsPerOp,
  };
}
