// Test fixtures, after Galata's (jupyterlab/galata): a Jupyter server the tests share, a fresh
// browser per test, and a per-test temporary directory inside the server's root.
//
// BrowserIT (notebooks/src/test/java/org/txlab/notebooks/BrowserIT.java) plays the part of
// Galata's `webServer` config: it installs the kernel into a temporary prefix, starts Debian's
// Jupyter Notebook 6 on 127.0.0.1 with a random token and a temporary root, and passes them here
// in TXLAB_* variables. Moving to Galata where a JupyterLab server can be installed: let
// playwright.config's webServer start `jupyter lab --config jupyter_server_test_config.py`,
// replace withNotebookPage by Galata's `test` fixture (its `page`, `tmpPath`) and lib/notebook.mjs
// by `page.notebook.*` (open, run, waitForRun, getCellOutput); the tests keep their shape.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

function env(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run the browser test through BrowserIT ` +
        `(mvn -pl notebooks -am verify -Dit.test=BrowserIT), which starts the Jupyter server`,
    );
  }
  return value;
}

/** The Jupyter server BrowserIT started. */
export const server = {
  url: env('TXLAB_JUPYTER_URL'),
  token: env('TXLAB_JUPYTER_TOKEN'),
  root: env('TXLAB_JUPYTER_ROOT'),
};

/** Where the course's notebooks are, and where screenshots go (for a person to look at). */
export const notebooks = env('TXLAB_NOTEBOOKS');
export const screenshots = env('TXLAB_SCREENSHOTS');
const chromiumPath = process.env.TXLAB_CHROMIUM || '/usr/bin/chromium';

// Debian's Chromium as root needs --no-sandbox; on a closed network it stalls on refused
// connections unless everything that phones home is off.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Runs `body({ page, dir, relDir })` with a fresh browser (its own profile in a temporary
 * directory) and a per-test directory under the server's root, both removed afterwards.
 * `files` are copied into the test's directory first: { 'name.ipynb': sourcePath or JSON object }.
 */
export async function withNotebookPage(t, files, body) {
  const slug = t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 60);
  const dir = mkdtempSync(path.join(server.root, `${slug}-`));
  const profile = mkdtempSync(path.join(server.root, '.chromium-'));
  for (const [name, source] of Object.entries(files)) {
    if (typeof source === 'string') {
      copyFileSync(source, path.join(dir, name));
    } else {
      writeFileSync(path.join(dir, name), JSON.stringify(source, null, 1));
    }
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 1000 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(120_000);
    await body({ page, dir, relDir: path.relative(server.root, dir) });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Saves a PNG under TXLAB_SCREENSHOTS (notebooks/target/browser) for a person to look at: the
 * whole notebook, or only the cells with the given indexes. The notebook scrolls inside its own
 * pane, so the window is first made as tall as the notebook (the pane follows the window's size).
 */
export async function screenshot(page, name, cells = []) {
  mkdirSync(screenshots, { recursive: true });
  const file = path.join(screenshots, `${name}.png`);
  const viewport = page.viewportSize();
  const height = await page.evaluate(
    () => document.querySelector('#header').offsetHeight + document.querySelector('#notebook').scrollHeight,
  );
  await page.setViewportSize({ width: viewport.width, height: Math.min(height + 40, 20_000) });
  await page.waitForFunction(
    () => document.querySelector('#site').scrollHeight <= document.querySelector('#site').clientHeight + 1,
  );
  let clip;
  if (cells.length > 0) {
    const boxes = [];
    for (const i of cells) {
      boxes.push(await page.locator('#notebook-container > .cell').nth(i).boundingBox());
    }
    const top = Math.min(...boxes.map((b) => b.y));
    const bottom = Math.max(...boxes.map((b) => b.y + b.height));
    const left = Math.min(...boxes.map((b) => b.x));
    const right = Math.max(...boxes.map((b) => b.x + b.width));
    clip = { x: left, y: top, width: right - left, height: bottom - top };
  }
  await page.screenshot({ path: file, clip });
  await page.setViewportSize(viewport);
  return file;
}

/** A notebook for the txlab-java kernel with the given code cells. */
export function javaNotebook(sources) {
  return {
    cells: sources.map((source, i) => ({
      cell_type: 'code',
      execution_count: null,
      id: `cell-${i}`,
      metadata: {},
      outputs: [],
      source,
    })),
    metadata: {
      kernelspec: { display_name: 'Java (TxLab)', language: 'java', name: 'txlab-java' },
      language_info: { name: 'java' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}
