/**
 * When an idle slice should stop. Work runs in steps of uneven cost (decoding one stroke, painting
 * one margin tile, building one outline): a plain "is there budget left?" lets the last step start
 * just before the budget runs out and end well past it. So a step starts only while the budget
 * lasts and the longest step seen in this slice would still end within the limit.
 */
export function idleBudget(budgetMs: number, limitMs: number, now: () => number = () => performance.now()): () => boolean {
  const start = now();
  let last = start;
  let longest = 0;
  return () => {
    const t = now();
    longest = Math.max(longest, t - last);
    last = t;
    const elapsed = t - start;
    return elapsed < budgetMs && elapsed + longest <= limitMs;
  };
}
