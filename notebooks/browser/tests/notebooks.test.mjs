// The lesson's notebook 02 in a real browser (Debian's Chromium, headless) on a real Jupyter
// Notebook server with the TxLab kernel. Run by BrowserIT; see lib/fixtures.mjs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { javaNotebook, notebooks, screenshot, withNotebookPage } from '../lib/fixtures.mjs';
import {
  allOutputs,
  cellContaining,
  cellOutputs,
  cellsTagged,
  expectSelfCheck,
  interruptFromToolbar,
  openNotebook,
  runAll,
  typeAndRun,
  waitIdle,
  waitRunningAndShowing,
} from '../lib/notebook.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name) => readFileSync(path.join(here, '..', 'fixtures', name), 'utf8');
const NB02 = '02-sqlite-transaction.ipynb';

test('notebook 02 runs in the browser and a student placeOrder passes its self-check', { timeout: 900_000 }, async (t) => {
  await withNotebookPage(t, { [NB02]: path.join(notebooks, NB02) }, async ({ page, relDir }) => {
    await openNotebook(page, `${relDir}/${NB02}`);
    await runAll(page);

    // Every cell ran; the only errors are in cells tagged as meant to raise.
    const outputs = await allOutputs(page);
    const unexpected = outputs.filter(
      (c) => !c.tags.includes('raises-exception') && c.outputs.some((o) => o.type === 'error'),
    );
    assert.deepEqual(unexpected.map((c) => [c.index, c.text]), [], 'cells that failed unexpectedly');
    // The database state renders as HTML tables: both tables after COMMIT.
    const commit = await cellContaining(page, 'sql(c, "COMMIT")');
    const afterCommit = { index: commit + 1, ...(await cellOutputs(page, commit + 1)) };
    assert.equal(afterCommit.tables, 2, `Expecting products and orders tables but the cell shows:\n${afterCommit.text}`);
    assert.match(afterCommit.text, /Mouse/);
    await screenshot(page, '02-run-all');
    await screenshot(page, '02-tables-after-commit', [afterCommit.index - 1, afterCommit.index]);

    const [exercise] = await cellsTagged(page, 'exercise');
    const [selfCheck] = await cellsTagged(page, 'self-check');
    assert.ok(exercise !== undefined && selfCheck !== undefined, 'cells tagged exercise and self-check');

    // What a student starts from fails the self-check...
    await typeAndRun(page, exercise, fixture('starter-place-order.java'));
    await typeAndRun(page, selfCheck, 'SelfCheck.placeOrder(PlaceOrder::new)');
    await expectSelfCheck(page, selfCheck, 'fail');

    // A cell that does not compile leaves the old class behind: the self-check refuses to test it.
    const broken = fixture('student-place-order.java').replace('this.db = db;', 'this.db = db');
    await typeAndRun(page, exercise, broken);
    await typeAndRun(page, selfCheck, 'SelfCheck.placeOrder(PlaceOrder::new)');
    const refused = await expectSelfCheck(page, selfCheck, 'fail');
    assert.match(refused.text, /your exercise cell did not compile; fix it and run it again/);
    await screenshot(page, '02-stale-class-refused', [exercise, selfCheck]);

    // ...and their own transactional placeOrder passes it.
    await typeAndRun(page, exercise, fixture('student-place-order.java'));
    assert.deepEqual((await cellOutputs(page, exercise)).outputs.filter((o) => o.type === 'error'), []);
    await typeAndRun(page, selfCheck, 'SelfCheck.placeOrder(PlaceOrder::new)');
    const passed = await expectSelfCheck(page, selfCheck, 'pass');
    assert.match(passed.text, /9\/9 public checks passed\./);
    assert.match(passed.text, /more hidden checks run at grading/);
    await screenshot(page, '02-student-self-check', [exercise, selfCheck]);
  });
});

test('a runaway cell is stopped from the toolbar and the kernel answers again', { timeout: 600_000 }, async (t) => {
  const nb = javaNotebook([
    'System.out.println("looping");\nwhile (true) {}',
    'int answer = 6 * 7;\nSystem.out.println("the kernel answers: " + answer);',
  ]);
  await withNotebookPage(t, { 'runaway.ipynb': nb }, async ({ page, relDir }) => {
    await openNotebook(page, `${relDir}/runaway.ipynb`);
    await page.locator('#notebook-container > .cell').nth(0).locator('.CodeMirror-code').click();
    await page.keyboard.press('Shift+Enter');
    await waitRunningAndShowing(page, 0, 'looping');

    await interruptFromToolbar(page);
    await waitIdle(page);
    const stopped = await cellOutputs(page, 0);
    assert.deepEqual(
      stopped.outputs.filter((o) => o.type === 'error').map((o) => o.ename),
      ['CellInterrupted'],
      `Expecting the loop to end with CellInterrupted but the cell shows:\n${stopped.text}`,
    );

    // Shift+Enter moved the selection to the next cell: run it.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Enter');
    await waitIdle(page);
    const next = await cellOutputs(page, 1);
    assert.match(next.text, /the kernel answers: 42/);
    await screenshot(page, 'runaway-interrupted');
  });
});
