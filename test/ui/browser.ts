// Debian's Chromium driven by playwright-core: never a browser download. A missing browser fails
// the tests loudly (CI installs it in .ci/run); it is not a reason to skip.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(process.cwd(), 'test/ui/artifacts');
export const WIDE = { width: 1280, height: 900 };
export const NARROW = { width: 390, height: 844 };

export const launchChromium = async (): Promise<Browser> => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: the browser tests need Debian's chromium (apt-get install -y chromium; .ci/run does this).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-quic',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
};

/** A full-page screenshot at desktop and phone widths, kept under test/ui/artifacts/ for a person to look at. */
export const screenshots = async (page: Page, name: string): Promise<void> => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize(NARROW);
  await page.waitForTimeout(150); // let the chart and the grid settle at the new width
  await page.screenshot({ path: join(ARTIFACTS, `${name}-390.png`), fullPage: true });
  // Readable on a phone means no sideways scrolling of the whole page (wide tables scroll on their own).
  const width = await page.evaluate(
    () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
  );
  await page.setViewportSize(WIDE);
  if (width > NARROW.width) throw new Error(`${name}: the page is ${width}px wide at ${NARROW.width}px (see ${name}-390.png)`);
};

/** Retries an assertion until it holds or the time is up; the last failure is the one reported. */
export const eventually = async (check: () => Promise<void> | void, timeoutMs = 5000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
};
