import type { BenchCard } from './accounts';
import { loadPaced, type PacedLoad } from './paced';
import { loadRoute, type LoadOptions } from './routes';
import type { Row } from './report';

/**
 * ¥50 a order: the 中港通卡 cap is ¥10,000 per card and month and counts unpaid orders, so a card
 * takes 200 orders. The bench spreads orders over many cards (round robin) so the cap never refuses
 * one during the run; a refusal would show as a failed (409) request in the table.
 */
export const BENCH_ORDER_MINOR = 5_000;
export const ORDERS_PER_CARD = 200;

let keySerial = 0;
/** Unique within the run and valid for the Idempotency-Key header (8–64 of A–Z a–z 0–9 _ -). */
export const idempotencyKey = () => `bench-${process.pid}-${(keySerial += 1)}`;

export const orderBody = (card: BenchCard) =>
  ({ cardId: card.cardId, amountMinor: BENCH_ORDER_MINOR, method: 'wechatpay' }) as const;

/** Each call: the headers and body of one more order, with a fresh key, on the next card (round robin). */
function ordersOnCards(cards: readonly BenchCard[]) {
  let next = 0;
  return () => {
    const card = cards[next++ % cards.length] as BenchCard;
    return {
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${card.token}`,
        'idempotency-key': idempotencyKey(),
      },
      body: JSON.stringify(orderBody(card)),
    };
  };
}

/** `POST /api/v1/orders` under autocannon, every request with a fresh key and the next card. */
export async function loadOrderCreation(
  baseUrl: string,
  cards: readonly BenchCard[],
  load: LoadOptions,
  pid: number,
): Promise<Row> {
  const nextOrder = ordersOnCards(cards);
  return loadRoute(
    {
      name: 'create order (POST /orders)',
      url: `${baseUrl}/api/v1/orders`,
      method: 'POST',
      setupRequest: (request) => ({ ...request, method: 'POST', ...nextOrder() }),
    },
    load,
    pid,
  );
}

/** Order creation at a fixed rate (`loadPaced`): what its latency is at the load a target names. */
export async function loadOrderCreationPaced(
  baseUrl: string,
  cards: readonly BenchCard[],
  load: PacedLoad,
  pid: number,
): Promise<Row> {
  const nextOrder = ordersOnCards(cards);
  return loadPaced(
    baseUrl,
    `create order at ${load.rate}/s (paced)`,
    () => ({ method: 'POST', path: '/api/v1/orders', ...nextOrder() }),
    load,
    pid,
  );
}
