/**
 * Starts the optimiser's worker thread. The worker's source is TypeScript (worker.ts): the server runs through tsx
 * (`node --import tsx src/server/main.ts`, `tsx watch` in dev) and the tests through vitest, neither of which
 * compiles to .js files. So: when a compiled worker.js sits next to this file (a build), it is started directly;
 * otherwise a tiny ES-module bootstrap loads worker.ts through tsx's API (tsImport), which works the same under
 * tsx, plain node and vitest's forks (whose workers do not inherit a loader).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OptimiserInput, OptimiserResult } from './solver.js';
import type { WorkerMessage } from './worker.js';

export type RunCallbacks = { onProgress: (phase: string, progress: number) => void };

function startWorker(workerData: unknown): Worker {
  const compiled = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return new Worker(compiled, { workerData });
  const source = new URL('./worker.ts', import.meta.url).href;
  // A data: module cannot resolve bare specifiers: name tsx's ESM API by its file URL.
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const bootstrap = `import { tsImport } from ${JSON.stringify(tsxApi)}; await tsImport(${JSON.stringify(source)}, ${JSON.stringify(import.meta.url)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), { workerData });
}

export class OptimiserRunError extends Error {
  constructor(
    message: string,
    readonly isInfeasible: boolean,
  ) {
    super(message);
  }
}

/** Solves in a worker thread; resolves with the result, rejects with OptimiserRunError. */
export function solveInWorker(input: OptimiserInput, callbacks: RunCallbacks, timeLimitSeconds = 120): Promise<OptimiserResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ input, timeLimitSeconds });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'progress') callbacks.onProgress(m.phase, m.progress);
      else if (m.kind === 'done') finish(() => resolve(m.result));
      else finish(() => reject(new OptimiserRunError(m.error, m.isInfeasible)));
    });
    worker.on('error', (err) => finish(() => reject(new OptimiserRunError(`最適化の処理が異常終了しました: ${err.message}`, false))));
    worker.on('exit', (code) => finish(() => reject(new OptimiserRunError(`最適化の処理が終了しました(コード${code})。`, false))));
  });
}
