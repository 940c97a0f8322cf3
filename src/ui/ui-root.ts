// Where the desk's bundle is: Vite builds ui/ into dist/public (see vite.config.ts). This file runs
// as dist/ui/ui-root.js after a build and as src/ui/ui-root.ts under Jest; both find dist/public.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATES = ['../public/', '../../dist/public/'];

export const uiRoot = (): string | null => {
  for (const relative of CANDIDATES) {
    const dir = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(`${dir}index.html`)) return dir;
  }
  return null;
};
