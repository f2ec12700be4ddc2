/** One line of the bench's table; `ratio` is filled in against the bare route of the same run. */
export interface Row {
  name: string;
  /** The server's database; none for the bare process. */
  database?: 'sqlite' | 'postgres';
  /** Requests (or cycles) per second. */
  rate: number;
  unit: 'req/s' | 'cycles/s' | '—';
  p50: number | null;
  p99: number | null;
  /** Replies that were not 2xx, and transport errors. */
  failed: number;
  rssMb?: number;
  /** Server CPU time (all its threads) per request or cycle: steadier than the rate when the cores are shared. */
  cpuMsPerOp?: number;
  /** The server's main thread (its event loop) alone, per request or cycle: the rest is its other threads. */
  mainThreadCpuMsPerOp?: number;
  /** The load generator's CPU time (this process) per request or cycle, on the same two cores. */
  loadCpuMsPerOp?: number;
  /** What the issue asks for, and whether it was met. */
  target?: { text: string; met: boolean };
  /**
   * The row's ceiling loaded right before and right after it (their mean rate): the row's target is
   * judged against this, since the host's speed moves by half within minutes.
   */
  besideCeiling?: { name: string; rate: number };
}

/** Nearest-rank percentile of milliseconds. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? null;
}

const ms = (value: number | null) => (value === null ? '—' : value < 10 ? value.toFixed(1) : String(Math.round(value)));

/**
 * `ratio to bare`: rate ÷ the bare route's rate (its first and last rows). `to ceiling beside`: rate ÷ the
 * mean of the row's ceiling loaded just before and just after it. `CPU × bare`: server CPU per request (or cycle) ÷ the
 * bare server's CPU per request, which moves less than the rates when other work shares the cores.
 */
export function printTable(rows: readonly Row[], bare: { rate: number; cpuMsPerOp: number | undefined }): void {
  console.table(
    rows.map((row) => ({
      name: row.name,
      db: row.database ?? '',
      rate: row.unit === '—' ? '—' : `${Math.round(row.rate)} ${row.unit}`,
      'ratio to bare': row.unit === '—' ? '—' : (row.rate / bare.rate).toFixed(3),
      'to ceiling beside': row.besideCeiling ? (row.rate / row.besideCeiling.rate).toFixed(3) : '',
      'CPU × bare':
        row.cpuMsPerOp === undefined || !bare.cpuMsPerOp ? '' : Math.round(row.cpuMsPerOp / bare.cpuMsPerOp),
      'p50 ms': ms(row.p50),
      'p99 ms': ms(row.p99),
      failed: row.failed,
      'server CPU ms/op': row.cpuMsPerOp === undefined ? '' : row.cpuMsPerOp.toFixed(row.cpuMsPerOp < 0.1 ? 3 : 2),
      'main thread ms/op': row.mainThreadCpuMsPerOp === undefined ? '' : row.mainThreadCpuMsPerOp.toFixed(2),
      'load CPU ms/op':
        row.loadCpuMsPerOp === undefined ? '' : row.loadCpuMsPerOp.toFixed(row.loadCpuMsPerOp < 0.1 ? 3 : 2),
      'rss MB': row.rssMb ?? '',
      target: row.target ? `${row.target.text} ${row.target.met ? 'met' : 'MISSED'}` : '',
    })),
  );
}

/** The run as JSON (committed as tests/bench/results.json): every row with its ratio to the bare route. */
export function resultsJson(
  rows: readonly Row[],
  bare: { rate: number; cpuMsPerOp: number | undefined },
  context: Record<string, unknown>,
): string {
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  return `${JSON.stringify(
    {
      ...context,
      bareRate: Math.round(bare.rate),
      rows: rows.map((row) => ({
        name: row.name.trim(),
        database: row.database ?? null,
        unit: row.unit,
        rate: row.unit === '—' ? null : Math.round(row.rate),
        ratioToBare: row.unit === '—' ? null : round(row.rate / bare.rate, 4),
        p50Ms: row.p50,
        p99Ms: row.p99,
        failed: row.failed,
        cpuMsPerOp: row.cpuMsPerOp === undefined ? null : round(row.cpuMsPerOp, 4),
        mainThreadCpuMsPerOp: row.mainThreadCpuMsPerOp === undefined ? null : round(row.mainThreadCpuMsPerOp, 4),
        loadCpuMsPerOp: row.loadCpuMsPerOp === undefined ? null : round(row.loadCpuMsPerOp, 4),
        rssMb: row.rssMb ?? null,
        target: row.target ?? null,
        besideCeiling: row.besideCeiling
          ? {
              name: row.besideCeiling.name.trim(),
              rate: Math.round(row.besideCeiling.rate),
              ratio: round(row.rate / row.besideCeiling.rate, 4),
            }
          : null,
      })),
    },
    null,
    2,
  )}\n`;
}
