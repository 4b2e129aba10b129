// dmn-js 17 ships no types: its editor and viewer as the decision table screens use them.
declare module 'dmn-js/lib/Modeler' {
  export default class DmnModeler {
    constructor(options: { container: HTMLElement } & Record<string, unknown>);
  }
}
declare module 'dmn-js/lib/Viewer' {
  export default class DmnViewer {
    constructor(options: { container: HTMLElement } & Record<string, unknown>);
  }
}
