// Errors after touch. JSON Forms either shows every error from the first render (ValidateAndShow) or none of its
// own (ValidateAndHide), and changing its props re-initialises its data from them, losing edits still in its
// debounce. So the form keeps ValidateAndShow and each control is rendered under a JSON Forms context whose
// errors are empty until the officer has left that control (blurred it) or attempted a submit.
import { createContext, memo, useContext, useMemo, type ComponentType } from 'react';
import {
  composePaths,
  toDataPath,
  type ControlElement,
  type JsonFormsCore,
  type JsonFormsRendererRegistryEntry,
} from '@jsonforms/core';
import { JsonFormsContext, useJsonForms } from '@jsonforms/react';

export interface TouchState {
  touched: ReadonlySet<string>;
  showAll: boolean;
  /** Called with a control's data path (`child.name`) when focus leaves it. */
  touch(path: string): void;
}

export const TouchContext = createContext<TouchState>({
  touched: new Set(),
  showAll: true,
  touch: () => undefined,
});

/** The unfiltered core, for controls nested in an untouched one (an array's items). */
const RawCore = createContext<JsonFormsCore | undefined>(undefined);
const noErrors: NonNullable<JsonFormsCore['errors']> = [];

interface DispatchedProps {
  uischema: { type: string; scope?: string };
  path?: string;
}

function touchAware(entry: JsonFormsRendererRegistryEntry): JsonFormsRendererRegistryEntry {
  const Inner = entry.renderer as ComponentType<DispatchedProps>;
  const Wrapped = memo(function TouchAware(props: DispatchedProps) {
    const { touched, showAll, touch } = useContext(TouchContext);
    const ctx = useJsonForms();
    const raw = useContext(RawCore) ?? ctx.core!;
    const control = props.uischema.type === 'Control';
    const path = control
      ? composePaths(props.path ?? '', toDataPath((props.uischema as ControlElement).scope))
      : undefined;
    const errors = !control || showAll || touched.has(path!) ? raw.errors : noErrors;
    const filtered = useMemo(() => ({ ...ctx, core: { ...ctx.core!, errors } }), [ctx, errors]);
    if (!control) return <Inner {...props} />;
    return (
      <RawCore.Provider value={raw}>
        <JsonFormsContext.Provider value={filtered}>
          <div style={{ display: 'contents' }} onBlur={() => touch(path!)}>
            <Inner {...props} />
          </div>
        </JsonFormsContext.Provider>
      </RawCore.Provider>
    );
  });
  return { tester: entry.tester, renderer: Wrapped };
}

export const touchAwareRenderers = (renderers: JsonFormsRendererRegistryEntry[]) => renderers.map(touchAware);
