// One DMN resource of a version in the dmn-js decision table editor (its Viewer when read-only), Vietnamese
// texts through dmn-js's translate service; the handle gives the edited XML back for saving with the draft.
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import DmnModeler from 'dmn-js/lib/Modeler';
import DmnViewer from 'dmn-js/lib/Viewer';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn.css';
import { decisionTableVi } from './decision-translations-vi';

export interface DecisionTableEditorHandle {
  getXml(): Promise<string>;
}

interface Props {
  dmnXml: string;
  readOnly: boolean;
}

interface DmnView {
  type: string;
}

interface DmnJs {
  importXML(xml: string): Promise<unknown>;
  saveXML(options: { format: boolean }): Promise<{ xml: string }>;
  getViews(): DmnView[];
  open(view: DmnView): Promise<unknown>;
  destroy(): void;
}

function translateFor(language: string) {
  const dictionary = language === 'en' ? {} : decisionTableVi;
  return (template: string, replacements: Record<string, string> = {}) =>
    (dictionary[template] ?? template).replace(
      /{([^}]+)}/g,
      (_m, key: string) => replacements[key] ?? `{${key}}`,
    );
}

export const DecisionTableEditor = forwardRef<DecisionTableEditorHandle, Props>(function DecisionTableEditor(
  { dmnXml, readOnly },
  ref,
) {
  const { i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<DmnJs | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    // dmn-js passes each view only its own additionalModules (the `common` ones are replaced), so per view.
    const translate = { additionalModules: [{ translate: ['value', translateFor(i18n.language)] }] };
    const options = { container: container.current!, decisionTable: translate, drd: translate };
    const dmn = (readOnly ? new DmnViewer(options) : new DmnModeler(options)) as unknown as DmnJs;
    editor.current = dmn;
    dmn
      .importXML(dmnXml)
      .then(() => {
        // The table is what a designer edits; the requirements diagram of one decision adds nothing.
        const table = dmn.getViews().find((v) => v.type === 'decisionTable');
        return table ? dmn.open(table) : undefined;
      })
      .catch((error: Error) => setProblem(error.message));
    return () => {
      dmn.destroy();
      editor.current = null;
    };
  }, [dmnXml, readOnly, i18n.language]);

  useImperativeHandle(ref, () => ({
    async getXml() {
      if (!editor.current || readOnly) return dmnXml;
      return (await editor.current.saveXML({ format: true })).xml;
    },
  }));

  return (
    <Box>
      {problem && <Alert severity="error">{problem}</Alert>}
      <Box ref={container} data-testid="decision-table-editor" sx={{ overflowX: 'auto', minHeight: 200 }} />
    </Box>
  );
});
