#!/usr/bin/env node
// House-style boundaries as a lint rule (style.md "Layers"), so nobody has to remember them:
//  - src/domain imports nothing from server or web, and no I/O modules;
//  - src/web never imports src/server;
//  - SQL (drizzle-orm query builders, `sql\``) appears only in *.repository.ts, server/db/ and the audit/access repositories;
//  - no utils.ts / helpers.ts files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? '.');
const problems = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(ts|tsx)$/.test(name)) check(p);
  }
}
const importRe = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/g;
function check(file) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  const text = readFileSync(file, 'utf8');
  const base = path.basename(file);
  if (/^(utils|helpers)\.tsx?$/.test(base)) problems.push(`${rel}: name the concept instead of utils/helpers`);
  const imports = [...text.matchAll(importRe)].map((m) => m[1]);
  const resolve = (spec) => (spec.startsWith('.') ? path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep).join('/') : spec);
  for (const spec of imports) {
    const target = resolve(spec);
    if (rel.startsWith('src/domain/')) {
      if (target.startsWith('src/server/') || target.startsWith('src/web/')) problems.push(`${rel}: domain imports ${spec}`);
      if (/^(node:)?(fs|net|http|https|child_process|crypto)$/.test(spec) || spec.startsWith('drizzle-orm') || spec === 'pg' || spec.startsWith('@electric-sql'))
        problems.push(`${rel}: domain must stay pure, imports ${spec}`);
    }
    if (rel.startsWith('src/web/') && target.startsWith('src/server/')) problems.push(`${rel}: web imports server (${spec})`);
    if (rel.startsWith('src/web/features/')) {
      const feature = rel.split('/')[3];
      const m = target.match(/^src\/web\/features\/([^/]+)\//);
      if (m && m[1] !== feature) problems.push(`${rel}: feature ${feature} imports feature ${m[1]}`);
    }
  }
  const isSqlHome = rel.endsWith('.repository.ts') || rel.startsWith('src/server/db/') || rel.endsWith('.test.ts') || !rel.startsWith('src/');
  if (!isSqlHome && rel.startsWith('src/server/')) {
    if (/\bsql`/.test(text) || /from ['"]drizzle-orm['"]/.test(text) || /\.select\(\s*[{)]/.test(text) && /\.from\(/.test(text))
      problems.push(`${rel}: SQL or query builder outside a repository`);
  }
}
walk(path.join(root, 'src'));
if (problems.length) {
  console.error(`Boundary check: ${problems.length} problem(s)\n` + problems.map((p) => `  - ${p}`).join('\n'));
  process.exit(1);
}
console.log('Boundary check: ok');
