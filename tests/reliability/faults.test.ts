import { describe, it } from 'vitest';
import { KILLS, killAndRestart } from './faults/kill-restart';
import { notificationFaults } from './faults/notifications';

// Two fault runs, each on a server of its own, side by side: the notification run spends most of its
// minute waiting for an order to expire, time the kill loop uses. Concurrent tests must use their own
// `expect`: the global one loses track of its test when the other one ends first.
describe.concurrent('faults', () => {
  it(
    `survives ${KILLS} SIGKILLs at random points of the top-up: no order lost, none credited twice, the file intact`,
    ({ expect }) => killAndRestart(expect),
    600_000,
  );
  it(
    'payment notifications lost, duplicated, reordered and delayed past expiry: each paid order credited once',
    ({ expect }) => notificationFaults(expect),
    300_000,
  );
});
