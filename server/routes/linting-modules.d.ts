// Types for the parts of @camunda/linting and bpmnlint the server's linter assembles (see designer-lint.ts).
declare module '@camunda/linting/lib/Resolver' {
  export default class NestedResolver {
    constructor(resolvers: object[]);
  }
}
declare module '@camunda/linting/lib/compiled-config' {
  export const resolver: object;
}
declare module 'bpmnlint/lib/resolver/static-resolver' {
  export default class StaticResolver {
    constructor(cache: Record<string, unknown>);
  }
}
declare module 'bpmnlint/config/correctness' {
  const config: { rules: Record<string, unknown> };
  export default config;
}
declare module 'bpmnlint-plugin-camunda-compat' {
  const plugin: { configs: Record<string, { rules: Record<string, unknown> } | undefined> };
  export default plugin;
}
