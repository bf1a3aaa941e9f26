/**
 * The optimiser's answer as the API gives it (GET /api/placement/optimiser-runs/{id}); the server's solver fills
 * `OptimiserResult`, the web shows it. Types only.
 */
import type { ProposedMove } from './optimiser-model.js';

export type OptimiserResult = {
  /** the objective of the proposal (the weights' sum minus penalties and the tie-break costs) */
  objective: number;
  /** an upper bound on the best possible objective (LP relaxation over every arc, or the MIP dual bound) */
  bound: number;
  /** (bound − objective) / max(1, |bound|), 0 = proven optimal */
  gap: number;
  isOptimal: boolean;
  lpWasIntegral: boolean;
  branchNodes: number;
  seconds: number;
  sizes: { people: number; units: number; variables: number; constraints: number };
  proposedMoves: ProposedMove[];
  /** the objective by part, for the explanation of the whole plan */
  objectiveParts: { wishes: number; expertise: number; rotation: number; continuity: number; tieBreak: number; total: number };
  /** pins, forbids and stays that could not be honoured */
  warnings: string[];
  details: {
    movablePeople: number;
    allowedArcs: number;
    arcsInModel: number;
    pricingRounds: number;
    buildMs: number;
    /** parsing the LP text */
    readMs: number;
    /** the first LP solve (before pricing) */
    firstLpMs: number;
    lpMs: number;
    mipMs: number;
    lpObjective: number;
  };
};

export type OptimiserRunView = {
  id: number;
  planId: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  phase: string;
  /** the plan's version the run solved (adoption needs the plan unchanged since) */
  planVersion: number | null;
  /** the proposal re-checked with evaluatePlan: violations it would leave (0 expected) */
  result: (OptimiserResult & { verification: { violations: number } }) | null;
  error: string | null;
  isApplied: boolean;
  createdAt: string;
  finishedAt: string | null;
};
