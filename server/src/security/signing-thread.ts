import type { KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/**
 * SHA256withRSA signatures made on one thread of their own, one after another.
 *
 * A top-up signs four times (request, platform reply, paySign, notification), about 0.3 ms of CPU each.
 * On the event loop that held every other request back; in libuv's thread pool (node:crypto's callback
 * form) up to four signatures ran at once on the two cores beside the event loop and the clients, and
 * each one woke an idle pool thread that often took the event loop's core from it. One thread that takes
 * its next message as soon as it is done with the last keeps the signing off the event loop without
 * crowding it: full top-up cycles in the bench went from about 430 to about 520 per second (docs/performance.md,
 * issue 9). The pool stays free for files, compression and password hashing.
 *
 * The thread starts with the first signature and keeps the process alive only while a signature is
 * pending. Each private key is sent to it once (key objects are cloned to workers). If the thread dies,
 * what it had pending is rejected and the next signature starts a new one.
 */

// CommonJS, run with `eval`: the same text works from the TypeScript sources and from the bundle.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { sign } = require('node:crypto');
const keys = new Map();
parentPort.on('message', ({ id, keyId, key, message }) => {
  if (key) keys.set(keyId, key);
  try {
    parentPort.postMessage({ id, signature: sign('sha256', Buffer.from(message, 'utf8'), keys.get(keyId)).toString('base64') });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

interface Pending {
  resolve(signature: string): void;
  reject(error: Error): void;
}

interface Reply {
  id: number;
  signature?: string;
  error?: string;
}

interface SigningThread {
  worker: Worker;
  pending: Map<number, Pending>;
  /** The id each key was given on this thread; a new thread is sent every key again. */
  keyIds: WeakMap<KeyObject, number>;
}

let current: SigningThread | undefined;
let nextId = 0;
let nextKeyId = 0;

function start(): SigningThread {
  const thread: SigningThread = {
    worker: new Worker(WORKER_SOURCE, { eval: true }),
    pending: new Map(),
    keyIds: new WeakMap(),
  };
  const { worker, pending } = thread;
  worker.unref();
  worker.on('message', ({ id, signature, error }: Reply) => {
    const waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    if (pending.size === 0) worker.unref();
    if (signature !== undefined) waiting.resolve(signature);
    else waiting.reject(new Error(`signing failed: ${error ?? 'unknown error'}`));
  });
  const fail = (error: Error) => {
    if (current === thread) current = undefined;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`signing thread exited with code ${code}`)));
  return thread;
}

/** The base64 SHA256withRSA signature of `message` (UTF-8) with `privateKey`, made on the signing thread. */
export function signOnThread(message: string, privateKey: KeyObject): Promise<string> {
  const thread = (current ??= start());
  return new Promise((resolve, reject) => {
    const id = nextId++;
    let keyId = thread.keyIds.get(privateKey);
    const sendKey = keyId === undefined;
    if (keyId === undefined) {
      keyId = nextKeyId++;
      thread.keyIds.set(privateKey, keyId);
    }
    if (thread.pending.size === 0) thread.worker.ref();
    thread.pending.set(id, { resolve, reject });
    thread.worker.postMessage({ id, keyId, message, ...(sendKey ? { key: privateKey } : {}) });
  });
}

/** Stops the signing thread (tests); the next signature starts a new one. */
export async function stopSigningThread(): Promise<void> {
  const thread = current;
  current = undefined;
  await thread?.worker.terminate();
}
