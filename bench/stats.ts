/** Robust summaries of repeated measurements: the median and the spread around it. */

/** The value below which `q` of `xs` lie (nearest rank); NaN for no samples. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** The middle sample (the lower of the two middles for an even count). */
export const median = (xs: readonly number[]) => quantile(xs, 0.5);

/** A sample's median, quartiles and extremes. */
export interface Spread {
  median: number;
  p25: number;
  p75: number;
  min: number;
  max: number;
  n: number;
}

/** Summarizes `xs`. */
export function spreadOf(xs: readonly number[]): Spread {
  return {
    median: median(xs),
    p25: quantile(xs, 0.25),
    p75: quantile(xs, 0.75),
    min: Math.min(...xs),
    max: Math.max(...xs),
    n: xs.length,
  };
}

/** `812 ms (IQR 790–840, 760–910, n 10)`: the median, its interquartile range, the extremes. */
export function formatSpread(s: Spread, unit = "ms", digits = 0): string {
  const f = (x: number) => x.toFixed(digits);
  return `${f(s.median)} ${unit} (IQR ${f(s.p25)}–${f(s.p75)}, range ${f(s.min)}–${f(s.max)}, n ${s.n})`;
}
