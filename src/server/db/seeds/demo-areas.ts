/**
 * The demo data of the areas that need more than the city itself (digital talent, placement, …), seeded once
 * right after the demo city on first start and by `npm run demo`. Each seeder is deterministic for a seed and a
 * date, writes obviously fictitious data through the area's own services or repositories, and returns counts.
 * Areas register here; the evaluation year is seeded separately (demo-evaluations.ts, switchable off).
 */
import type { Database } from '../client.js';
import type { Config } from '../../config.js';
import { demoKnowledgeSeeder } from './demo-knowledge.js';
import { demoPlacementSeeder } from './demo-placement.js';
import { demoDigitalSeeder } from './demo-digital.js';
import { demoStressCheckSeeder } from './demo-stress-check.js';
import { demoRecruitmentSeeder } from './demo-recruitment.js';
import { demoRecruitmentPipelineSeeder } from './demo-recruitment-pipeline.js';
import { demoFellowsSeeder } from './demo-fellows.js';
import { demoSelfDeclarationSeeder } from './demo-self-declaration.js';

export type DemoAreaSeeder = {
  /** shown in the start-up log, e.g. 'デジタル人材' */
  label: string;
  seed: (database: Database, opts: { today: string; seed: number; config: Config }) => Promise<Record<string, number>>;
};

export const demoAreaSeeders: DemoAreaSeeder[] = [demoKnowledgeSeeder, demoPlacementSeeder, demoSelfDeclarationSeeder, demoDigitalSeeder, demoStressCheckSeeder, demoRecruitmentSeeder, demoRecruitmentPipelineSeeder, demoFellowsSeeder];

/** Runs every area's seeder in order and reports "label: counts" lines. */
export async function seedDemoAreas(database: Database, opts: { today: string; seed: number; config: Config }): Promise<string[]> {
  const lines: string[] = [];
  for (const seeder of demoAreaSeeders) {
    const counts = await seeder.seed(database, opts);
    lines.push(`${seeder.label}: ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
  return lines;
}
