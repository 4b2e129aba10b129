// The page `npm run bench:web` drives in Chromium: the designer's own modeler (import with upload checks, Zeebe
// 8.3 lint, in its worker) and the declaration form of the preview and the intake (project renderers, ajv,
// i18n), timed in the page.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import '../src/app/i18n';
import { DesignerModeler } from '../src/modeler/designer-modeler';
import { DeclarationForm } from '../src/components/declaration/DeclarationForm';
import { createMotcuaAjv } from '../../forms/validation';
import { generatedBpmn } from './generated-bpmn';
import { generatedForm } from './generated-form';

const ajv = createMotcuaAjv();
let modeler: DesignerModeler | undefined;
/** When the key of the next input was pressed (keydown), or when its text arrived without one (beforeinput). */
let pressedAt: number | undefined;
/** When the key of the last input was pressed: the start of its form data update. */
let lastPressedAt = 0;
const painted: number[] = [];
const dataUpdated: number[] = [];

document.addEventListener('keydown', (event) => (pressedAt = event.timeStamp), true);
// Text the keyboard layout cannot type ("ễ", "ă": Playwright inserts it, as an IME commits it) comes with no
// keydown; timing it from the previous key's keydown counted the 450 ms pause between keys.
document.addEventListener('beforeinput', (event) => (pressedAt ??= event.timeStamp), true);
document.addEventListener(
  'input',
  (event) => {
    const since = pressedAt ?? event.timeStamp;
    pressedAt = undefined;
    lastPressedAt = since;
    // After React has handled the input and the browser has painted the next frame.
    requestAnimationFrame(() => setTimeout(() => painted.push(performance.now() - since)));
  },
  true,
);

async function importAndLint(elements: number) {
  const xml = generatedBpmn(elements);
  modeler ??= new DesignerModeler({ container: document.getElementById('modeler')!, language: 'vi' });
  const start = performance.now();
  const outcome = await modeler.importXml(xml);
  const importAndLintMs = performance.now() - start;
  const lintStart = performance.now();
  const reports = await modeler.lintNow();
  const lintMs = performance.now() - lintStart;
  // bpmn-js import alone (no upload checks, no guard export of the previous diagram, no lint), for comparison.
  const rawStart = performance.now();
  await modeler.modeler.importXML(xml);
  const importOnlyMs = performance.now() - rawStart;
  const registry = modeler.modeler.get<{ getAll(): unknown[] }>('elementRegistry');
  return {
    ok: outcome.ok,
    importAndLintMs,
    lintMs,
    importOnlyMs,
    elements: registry.getAll().length,
    reports: reports.length,
  };
}

function renderForm(fields: number) {
  const form = generatedForm(fields);
  const container = document.getElementById('form')!;
  const root = createRoot(container);
  let data: Record<string, unknown> = {};
  const onChange = (next: Record<string, unknown>) => {
    const changed = JSON.stringify(next) !== JSON.stringify(data);
    data = next;
    if (changed) dataUpdated.push(performance.now() - lastPressedAt);
    view();
  };
  // The declaration form the preview and the counter's intake render (i18n memoised there, as in use).
  const view = () => root.render(<DeclarationForm form={form} data={data} onChange={onChange} ajv={ajv} />);
  const start = performance.now();
  flushSync(view);
  const rendered = performance.now();
  void container.offsetHeight;
  const end = performance.now();
  const renderMs = end - start;
  // The split of the same interval: React's render and commit, then the layout the browser is forced into.
  return {
    renderMs,
    reactMs: rendered - start,
    layoutMs: end - rendered,
    inputs: container.querySelectorAll('input').length,
    // Fields whose input is named by a label (the accessible name the e2e tests and axe rely on).
    labelled: [...container.querySelectorAll('input')].filter((input) => input.labels?.length).length,
  };
}

function keystrokes() {
  const result = { painted: [...painted], dataUpdated: [...dataUpdated] };
  painted.length = 0;
  dataUpdated.length = 0;
  return result;
}

Object.assign(window, { motcuaBench: { importAndLint, renderForm, keystrokes } });
document.body.dataset.ready = 'true';
