// The ceiling of the bench: a bare Fastify route returning a small JSON object, in its own process,
// with nothing of the app (no hooks, no schemas, no database, no logging). `npm run bench` starts it
// beside the real server and reports every figure as a ratio to what this route answers in the same run.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ ok: true, service: 'bare', version: 1 }));

const address = await app.listen({ port: 0, host: '127.0.0.1' });
// The parent reads the address from the first line of stdout.
process.stdout.write(`${address}\n`);

const close = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', close);
process.on('SIGINT', close);
