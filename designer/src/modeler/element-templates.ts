// Our element templates (one per job type of the process contract), bundled from processes/element-templates.
const files = import.meta.glob<{ default: unknown }>('../../../processes/element-templates/*.json', {
  eager: true,
});

export const elementTemplates: object[] = Object.values(files).flatMap((file) => {
  const content = file.default;
  return Array.isArray(content) ? (content as object[]) : [content as object];
});
