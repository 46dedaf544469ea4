// Page helpers for the classic Jupyter Notebook 6 UI, named after Galata's `page.notebook`
// helpers so the tests read the same (runAll ~ run, waitIdle ~ waitForRun, cellOutputs ~
// getCellOutput). Actions a person does (Run All, typing, Shift+Enter, the interrupt button) go
// through the UI; what the page shows is read from its DOM and from the page's Jupyter object.
import assert from 'node:assert/strict';
import { server } from './fixtures.mjs';

const RUN_TIMEOUT = 300_000;

/** Opens a notebook (path relative to the server's root) and waits for its kernel to be idle. */
export async function openNotebook(page, relPath) {
  await page.goto(`${server.url}/notebooks/${relPath}?token=${server.token}`);
  await page.waitForFunction(
    () =>
      window.Jupyter?.notebook?._fully_loaded &&
      Jupyter.notebook.kernel?.is_connected() &&
      document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null,
    null,
    { timeout: RUN_TIMEOUT },
  );
}

/** Cell > Run All, from the menu bar; then waits until every cell has run. */
export async function runAll(page) {
  await page.click('#celllink');
  await page.click('#run_all_cells > a');
  await waitIdle(page);
}

/**
 * Waits until no cell is queued or running (no "In [*]"), the kernel indicator says idle, and the
 * page has both the reply and the idle status of every request it sent (its kernel client marks
 * each request's callbacks shell_done / iopub_done). The indicator alone is not enough: it
 * turns idle on any request's idle status, e.g. an interrupt's while the cell still runs, and a
 * reply may arrive before the outputs that precede it on the other channel.
 */
export async function waitIdle(page, timeout = RUN_TIMEOUT) {
  await page.waitForFunction(
    () =>
      document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null &&
      Object.values(Jupyter.notebook.kernel._msg_callbacks).every((c) => c.shell_done && c.iopub_done) &&
      Jupyter.notebook
        .get_cells()
        .every((c) => c.cell_type !== 'code' || !c.element.find('.input_prompt').text().includes('*')),
    null,
    { timeout },
  );
}

/** Waits until a cell is running (its prompt shows "*") and has shown `text`. */
export async function waitRunningAndShowing(page, index, text) {
  await page.waitForFunction(
    ([i, t]) => {
      const cell = Jupyter.notebook.get_cell(i);
      return (
        cell.element.find('.input_prompt').text().includes('*') &&
        cell.output_area.element[0].innerText.includes(t)
      );
    },
    [index, text],
  );
}

/** The indexes of the cells tagged `tag`. */
export async function cellsTagged(page, tag) {
  return page.evaluate(
    (t) =>
      Jupyter.notebook
        .get_cells()
        .map((c, i) => ((c.metadata.tags || []).includes(t) ? i : -1))
        .filter((i) => i >= 0),
    tag,
  );
}

/** The index of the one code cell whose source contains `text`. */
export async function cellContaining(page, text) {
  const found = await page.evaluate(
    (t) =>
      Jupyter.notebook
        .get_cells()
        .map((c, i) => (c.cell_type === 'code' && c.get_text().includes(t) ? i : -1))
        .filter((i) => i >= 0),
    text,
  );
  assert.equal(found.length, 1, `Expecting one code cell containing '${text}' but found ${found.length}`);
  return found[0];
}

/**
 * What a cell shows: its outputs as the page holds them (output_type, stream name and text,
 * ename/evalue, MIME data), the rendered text of its output area, and how many HTML tables were
 * rendered in it.
 */
export async function cellOutputs(page, index) {
  return page.evaluate((i) => {
    const cell = Jupyter.notebook.get_cell(i);
    if (!cell.output_area) {
      return { outputs: [], text: '', tables: 0, tags: cell.metadata.tags || [] };
    }
    const area = cell.output_area.element[0];
    return {
      outputs: cell.output_area.outputs.map((o) => ({
        type: o.output_type,
        name: o.name,
        text: o.text,
        ename: o.ename,
        evalue: o.evalue,
        data: o.data,
      })),
      text: area.innerText,
      tables: area.querySelectorAll('.output_html table').length,
      tags: cell.metadata.tags || [],
    };
  }, index);
}

/** Every code cell's outputs, see cellOutputs. */
export async function allOutputs(page) {
  const count = await page.evaluate(() => Jupyter.notebook.ncells());
  const all = [];
  for (let i = 0; i < count; i++) {
    all.push({ index: i, ...(await cellOutputs(page, i)) });
  }
  return all;
}

/**
 * Types `source` into a cell as a person would (click into its editor, select all, type over it),
 * then runs it with Shift+Enter and waits until it ran.
 */
export async function typeAndRun(page, index, source) {
  const editor = page.locator('#notebook-container > .cell').nth(index).locator('.CodeMirror-code');
  await editor.click();
  await page.keyboard.press('Control+A');
  // insertText types the text in one input event: CodeMirror's auto-closing brackets (key
  // handlers) do not double what is typed, as they would key by key.
  await page.keyboard.insertText(source);
  const typed = await page.evaluate((i) => Jupyter.notebook.get_cell(i).get_text(), index);
  assert.equal(typed.trim(), source.trim(), 'the cell holds what was typed');
  await page.keyboard.press('Shift+Enter');
  await waitIdle(page);
}

/** Clicks the toolbar's interrupt button (the square "stop"), as a person would. */
export async function interruptFromToolbar(page) {
  await page.click('#maintoolbar button[data-jupyter-action="jupyter-notebook:interrupt-kernel"]');
}

/**
 * Asserts the verdict the self-check cell rendered, and returns what it read.
 *
 * The one place that knows the self-check's output: the HTML block
 * `<div class="txlab-selfcheck" data-verdict="pass|fail">…<table>…</table>…</div>` that the kernel
 * shows for a self-check's report (its `toHtml()`).
 */
export async function expectSelfCheck(page, index, verdict) {
  const seen = await page.evaluate((i) => {
    const area = Jupyter.notebook.get_cell(i).output_area.element[0];
    const block = area.querySelector('.txlab-selfcheck[data-verdict]');
    if (block) {
      return {
        form: 'html',
        verdict: block.dataset.verdict,
        table: block.querySelector('table') !== null,
        text: block.innerText,
      };
    }
    return { form: 'none', verdict: null, table: false, text: area.innerText };
  }, index);
  assert.equal(seen.form, 'html', `Expecting the self-check's HTML block in cell ${index} but it shows:\n${seen.text}`);
  assert.ok(seen.table, `Expecting the self-check's table of checks but it shows:\n${seen.text}`);
  assert.equal(seen.verdict, verdict, `Expecting self-check verdict '${verdict}' but it shows:\n${seen.text}`);
  return seen;
}
