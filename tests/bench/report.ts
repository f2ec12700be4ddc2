/** One line of the bench's table; `ratio` is filled in against the bare route of the same run. */
export interface Row {
  name: string;
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
  /** What the issue asks for, and whether it was met. */
  target?: { text: string; met: boolean };
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
 * `ratio to bare`: rate ÷ the bare route's rate. `CPU × bare`: server CPU per request (or cycle) ÷ the
 * bare server's CPU per request, which moves less than the rates when other work shares the cores.
 */
export function printTable(rows: readonly Row[], bare: { rate: number; cpuMsPerOp: number | undefined }): void {
  console.table(
    rows.map((row) => ({
      name: row.name,
      rate: row.unit === '—' ? '—' : `${Math.round(row.rate)} ${row.unit}`,
      'ratio to bare': row.unit === '—' ? '—' : (row.rate / bare.rate).toFixed(3),
      'CPU × bare':
        row.cpuMsPerOp === undefined || !bare.cpuMsPerOp ? '' : Math.round(row.cpuMsPerOp / bare.cpuMsPerOp),
      'p50 ms': ms(row.p50),
      'p99 ms': ms(row.p99),
      failed: row.failed,
      'server CPU ms/op': row.cpuMsPerOp === undefined ? '' : row.cpuMsPerOp.toFixed(row.cpuMsPerOp < 0.1 ? 3 : 2),
      'rss MB': row.rssMb ?? '',
      target: row.target ? `${row.target.text} ${row.target.met ? 'met' : 'MISSED'}` : '',
    })),
  );
}
