/**
 * The placement optimiser (issue 5) on generated instances — S: 600 staff in 60 units, L: 40,000 staff in 400 units
 * (about a fifth of them movers: R1 candidates, R2, wishes, due past ①). Pure (no database): run-all runs it once.
 * Prints people, units, movers, allowed arcs, LP variables and constraints, build / LP / MIP ms, pricing rounds,
 * objective, bound, gap, peak RSS. Targets (issue 5, 2 cores): S ≤ 100 ms; L proven optimal ≤ 3 s with RSS ≤ 600 MB.
 * `--staff N` (run-all's) scales L; `--sizes s,l`.
 */
import { parseArgs } from 'node:util';
import { generateFacts } from '../src/server/placement/optimiser/generated-instances.js';
import { loadHighs, solvePlacement } from '../src/server/placement/optimiser/solver.js';
import { rssMb } from './bench-support.js';

export async function runPlacementOptimiserBench(opts: { sizes: Array<{ label: string; staff: number; units: number; targetMs: number }>; rounds: number }) {
  await loadHighs();
  // warm-up: compile the solver paths once
  await solvePlacement({ facts: generateFacts({ seed: 1, staff: 200, units: 20 }), constraints: [], manualMoves: [] });
  for (const size of opts.sizes) {
    console.log(`\n[placement optimiser ${size.label}] ${size.staff} staff, ${size.units} units`);
    const facts = generateFacts({ seed: 20260401 + size.staff, staff: size.staff, units: size.units });
    const totals: number[] = [];
    for (let round = 0; round < opts.rounds; round++) {
      const started = performance.now();
      const r = await solvePlacement({ facts, constraints: [], manualMoves: [] });
      const ms = performance.now() - started;
      totals.push(ms);
      const d = r.details;
      if (round === 0) {
        console.log(`  people ${facts.people.length}, movers ${d.movablePeople}, units ${r.sizes.units}, allowed arcs ${d.allowedArcs}, arcs in the LP ${d.arcsInModel}`);
        console.log(`  LP: ${r.sizes.variables} variables, ${r.sizes.constraints} constraints; LP was integral: ${r.lpWasIntegral}, branch nodes ${r.branchNodes}`);
        console.log(`  objective ${r.objective}, bound ${r.bound}, gap ${r.gap}, proven optimal: ${r.isOptimal}, ${r.proposedMoves.length} moves proposed`);
      }
      console.log(
        `  round ${round + 1}: total ${ms.toFixed(0)} ms = build ${d.buildMs} ms + LP ${d.lpMs} ms (read ${d.readMs}, first solve ${d.firstLpMs}, ${d.pricingRounds} pricing rounds) + MIP ${d.mipMs} ms`,
      );
    }
    const best = Math.min(...totals);
    console.log(`  peak RSS ${rssMb()} MB; target ≤ ${size.targetMs} ms: ${best <= size.targetMs ? 'met' : 'NOT met'} (best ${best.toFixed(0)} ms)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // --engine is accepted and ignored: run-all passes it to every bench; this one needs no database.
  const { values } = parseArgs({ options: { staff: { type: 'string', default: '40000' }, engine: { type: 'string' }, rounds: { type: 'string', default: '5' }, sizes: { type: 'string', default: 's,l' } } });
  const staff = Number(values.staff);
  const wanted = values.sizes.split(',');
  const sizes = [
    { label: 'S', staff: 600, units: 60, targetMs: 100 },
    { label: 'L', staff, units: Math.max(10, Math.round(staff / 100)), targetMs: 3000 },
  ].filter((s) => wanted.includes(s.label.toLowerCase()));
  await runPlacementOptimiserBench({ sizes, rounds: Number(values.rounds) });
}
