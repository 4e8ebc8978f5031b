/**
 * Starts Debian's Chromium headless through playwright-core with a fresh profile. Never skips: when no
 * browser is found the error says how to install one, so a CI without it fails loudly.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const CANDIDATES = [process.env.TELAAH_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];

export async function launchChromium(): Promise<BrowserContext> {
  const executablePath = CANDIDATES.find((c) => existsSync(c));
  if (!executablePath) {
    throw new Error(`no Chromium found (looked for ${CANDIDATES.join(', ')}): install it with \`apt-get install chromium\` (.ci/run does) or set TELAAH_CHROMIUM to a Chromium binary`);
  }
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'telaah-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
