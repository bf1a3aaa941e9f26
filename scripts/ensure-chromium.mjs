#!/usr/bin/env node
// Makes sure Debian's Chromium (and a Japanese font) is present for the browser tests.
// Never downloads a browser build: only Debian's packages through apt-get, and only as root.
//
//   import { ensureChromium } from './ensure-chromium.mjs';
//   const r = await ensureChromium();  // { ok: true, path, version, japaneseFont } | { ok: false, reason }
//
// CLI: node scripts/ensure-chromium.mjs   (exit 0 = ready, 3 = cannot be had here)
// $JINZAI_CHROMIUM overrides the path (default /usr/bin/chromium); e2e/support/browser.ts reads it too.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { aptInstall } from './pg-throwaway.mjs';

export const CHROMIUM_PATH = process.env.JINZAI_CHROMIUM || '/usr/bin/chromium';
const FONT_PACKAGE = 'fonts-ipaexfont-gothic';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function defaultLog(msg) {
  process.stdout.write(`[ensure-chromium] ${msg}\n`);
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** True when fontconfig knows a font covering Japanese (IPAex, Noto CJK, ...). */
function hasJapaneseFont() {
  const r = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) return false;
  return r.stdout.trim().length > 0;
}

function chromiumVersion(file) {
  const r = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * @param {{ log?: (msg: string) => void, allowInstall?: boolean }} [opts]
 * @returns {Promise<{ ok: true, path: string, version: string | null, japaneseFont: boolean } | { ok: false, reason: string }>}
 */
export async function ensureChromium({ log = defaultLog, allowInstall = true } = {}) {
  const file = CHROMIUM_PATH;
  if (!isExecutable(file)) {
    if (!isRoot()) return { ok: false, reason: `${file} is missing and not root, so cannot apt-get install chromium` };
    if (!allowInstall) return { ok: false, reason: `${file} is missing` };
    log(`${file} is missing; installing Debian packages chromium ${FONT_PACKAGE}`);
    const installed = await aptInstall(['chromium', FONT_PACKAGE], log);
    if (!isExecutable(file)) {
      return {
        ok: false,
        reason: installed
          ? `apt-get installed chromium but ${file} did not appear`
          : `apt-get install -y chromium ${FONT_PACKAGE} failed`,
      };
    }
  }

  let japaneseFont = hasJapaneseFont();
  if (!japaneseFont) {
    if (isRoot() && allowInstall) {
      log(`no Japanese font known to fontconfig; installing ${FONT_PACKAGE}`);
      await aptInstall([FONT_PACKAGE], log);
      japaneseFont = hasJapaneseFont();
    }
    if (!japaneseFont) log('WARNING: no Japanese font installed — Japanese text will render as boxes in screenshots');
  }

  const version = chromiumVersion(file);
  log(`${file}: ${version ?? '(version unknown)'}${japaneseFont ? ', Japanese font present' : ''}`);
  return { ok: true, path: file, version, japaneseFont };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureChromium().then(
    (r) => {
      if (!r.ok) process.stdout.write(`SKIPPED: end-to-end tests — ${r.reason}\n`);
      process.exit(r.ok ? 0 : 3);
    },
    (err) => {
      process.stderr.write(`${err?.stack ?? err}\n`);
      process.exit(1);
    },
  );
}
