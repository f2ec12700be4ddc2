import { z } from 'zod';

// WeChat's JS runtime forbids `new Function`. zod 4 decides per schema, when the schema is created,
// whether to compile a fast parser with it; with `jitless` it never tries. This module must run before
// any module of `@cbc/shared` defines a schema, so app.ts imports it first of all.
z.config({ jitless: true });
