import { ensureH5Build } from './build';

/** Builds the h5 app once per run; every browser test file drives that build. */
export default async function setup(): Promise<void> {
  await ensureH5Build();
}
