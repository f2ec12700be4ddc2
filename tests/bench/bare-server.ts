// The ceilings of the bench, in their own process with nothing of the app (no hooks, no schemas, no
// database, no logging): `/bare` returns a small JSON object, and `/same-bytes` sends exactly the bytes
// and headers the real guide list answered with (BENCH_SAME_BYTES names a JSON file holding them), the
// most any server could do for that reply. `npm run bench` reports every figure against these.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ ok: true, service: 'bare', version: 1 }));

const sameBytesFile = process.env.BENCH_SAME_BYTES;
if (sameBytesFile) {
  const { headers, body } = JSON.parse(readFileSync(sameBytesFile, 'utf8')) as {
    headers: Record<string, string>;
    body: string;
  };
  // Bytes encoded once, as the guide routes keep theirs: the cheapest way Fastify can send this reply.
  const bytes = Buffer.from(body, 'utf8');
  app.get('/same-bytes', (_request, reply) => reply.headers(headers).send(bytes));
}

const address = await app.listen({ port: 0, host: '127.0.0.1' });
// The parent reads the address from the first line of stdout.
process.stdout.write(`${address}\n`);

const close = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', close);
process.on('SIGINT', close);
