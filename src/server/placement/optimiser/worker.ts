/**
 * The optimiser's worker thread: receives the input (facts, constraints, manual moves), builds and solves the model
 * (solver.ts) and posts each phase, then the result or the error. One run per worker; the host ends it after.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { OptimiserInfeasibleError, solvePlacement, type OptimiserInput } from './solver.js';

export type WorkerMessage =
  | { kind: 'progress'; phase: string; progress: number }
  | { kind: 'done'; result: Awaited<ReturnType<typeof solvePlacement>> }
  | { kind: 'failed'; error: string; isInfeasible: boolean };

const port = parentPort;
if (port) {
  const { input, timeLimitSeconds } = workerData as { input: OptimiserInput; timeLimitSeconds: number };
  const post = (m: WorkerMessage) => port.postMessage(m);
  solvePlacement(input, { timeLimitSeconds, onProgress: (phase, progress) => post({ kind: 'progress', phase, progress }) })
    .then((result) => post({ kind: 'done', result }))
    .catch((err: unknown) =>
      post({ kind: 'failed', error: err instanceof Error ? err.message : String(err), isInfeasible: err instanceof OptimiserInfeasibleError }),
    );
}
