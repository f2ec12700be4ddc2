import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazyChildLogger } from '../../src/http/lazy-child-logger';
import { buildTestApp, type TestApp } from '../helper';

function memoryLogger(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const parent = pino({ level }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  let childrenMade = 0;
  const makeChild = parent.child;
  // Counts the children pino really makes (a child's own children included); the logger is pino's own.
  parent.child = function countedChild(this: typeof parent, ...args: Parameters<typeof parent.child>) {
    childrenMade += 1;
    return makeChild.apply(this, args);
  } as typeof parent.child;
  return { parent, lines, childrenMade: () => childrenMade };
}

describe('lazyChildLogger', () => {
  it('makes no child for levels its parent does not write, and one child at the first line it does', () => {
    const { parent, lines, childrenMade } = memoryLogger('warn');
    const log = lazyChildLogger(parent, { reqId: 'req-7' }, {});
    log.info({ detail: 1 }, 'not written');
    log.debug('not written');
    expect(childrenMade()).toBe(0);
    expect(lines).toEqual([]);

    log.warn({ orderId: 'o-1' }, 'written');
    log.error('written too');
    expect(childrenMade()).toBe(1);
    expect(lines).toMatchObject([
      { level: 40, reqId: 'req-7', orderId: 'o-1', msg: 'written' },
      { level: 50, reqId: 'req-7', msg: 'written too' },
    ]);
  });

  it('writes every level an info parent writes, and its own children keep the request id', () => {
    const { parent, lines } = memoryLogger('info');
    const log = lazyChildLogger(parent, { reqId: 'req-8' }, {});
    log.info('hello');
    log.child({ step: 'pay' }).warn('careful');
    log.debug('not written');
    expect(lines).toMatchObject([
      { level: 30, reqId: 'req-8', msg: 'hello' },
      { level: 40, reqId: 'req-8', step: 'pay', msg: 'careful' },
    ]);
    expect(lines).toHaveLength(2);
  });

  it('makes a route-level logger at once, since it writes other levels than its parent', () => {
    const { parent, lines, childrenMade } = memoryLogger('warn');
    const log = lazyChildLogger(parent, { reqId: 'req-9' }, { level: 'debug' });
    expect(childrenMade()).toBe(1);
    log.debug('written at the route’s level');
    expect(lines).toMatchObject([{ level: 20, reqId: 'req-9' }]);
  });
});

describe('request logs through the app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      env: { LOG_LEVEL: 'warn' },
      configure: (app) =>
        app.get('/test/log-lines', async (request) => {
          request.log.info('not at warn');
          request.log.warn({ probe: true }, 'a warning');
          return { ok: true };
        }),
    });
  });
  afterAll(() => t.close());

  it('carries the request id on a warning and writes nothing below the level', async () => {
    const res = await t.app.inject({ url: '/test/log-lines' });
    expect(res.statusCode).toBe(200);
    const lines = t.logs().filter((line) => line.probe === true || line.msg === 'not at warn');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, msg: 'a warning', reqId: expect.stringMatching(/\S/) });
  });
});
