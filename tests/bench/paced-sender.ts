// The paced load's sender, on a worker thread of the bench (`loadPaced`): its own small heap, so the
// load generator's garbage collection does not stall the schedule (see paced.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'undici';
import type { PacedLoad, PacedRequest } from './paced';

export interface SenderInput {
  origin: string;
  load: PacedLoad;
  /** One per request, in the order they are sent: warm-up first. */
  requests: PacedRequest[];
}

export type SenderMessage =
  { kind: 'measuring' } | { kind: 'done'; latencies: Float64Array; failed: number; measuredMs: number };

const { origin, load, requests } = workerData as SenderInput;
const port = parentPort;
if (!port) throw new Error('paced-sender runs as a worker thread');

const pool = new Pool(origin, { connections: load.connections, pipelining: 1 });
const warmup = Math.round(load.rate * load.warmupS);
const total = requests.length;
// Filled in place: an array grown per answer would be garbage for the collector this thread avoids.
const latencies = new Float64Array(total - warmup);
let measuredAnswers = 0;
let failed = 0;
let answered = 0;
let lastAnswerAt = 0;
const started = performance.now();

const answer = (measured: boolean, dueAt: number, statusCode: number | undefined) => {
  if (measured) {
    lastAnswerAt = performance.now();
    if (statusCode === undefined || statusCode >= 300) failed += 1;
    else latencies[measuredAnswers++] = lastAnswerAt - dueAt;
  }
  answered += 1;
  if (answered < total) return;
  void pool.close().then(() => {
    const measuredMs = lastAnswerAt - (started + load.warmupS * 1000);
    const done: SenderMessage = { kind: 'done', latencies: latencies.slice(0, measuredAnswers), failed, measuredMs };
    port.postMessage(done);
  });
};

const send = (index: number) => {
  const dueAt = started + (index * 1000) / load.rate;
  const measured = index >= warmup;
  if (index === warmup) port.postMessage({ kind: 'measuring' } satisfies SenderMessage);
  const { method, path, headers, body } = requests[index] as PacedRequest;
  pool
    .request({ origin, method, path, headers, ...(body === undefined ? {} : { body }) })
    .then(async (reply) => {
      await reply.body.dump();
      return reply.statusCode;
    })
    .then(
      (statusCode) => answer(measured, dueAt, statusCode),
      () => answer(measured, dueAt, undefined),
    );
};

let sent = 0;
const sendDue = () => {
  const due = Math.min(total, Math.floor(((performance.now() - started) * load.rate) / 1000) + 1);
  while (sent < due) send(sent++);
  if (sent < total) setTimeout(sendDue, 1);
};
sendDue();
