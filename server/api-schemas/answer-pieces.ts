// Small pieces of the answer schemas beside responses/building-blocks.ts: a plain string, a list of them, an array.
export const plainString = { type: 'string' } as const;
export const stringList = { type: 'array', items: plainString } as const;
export const arrayOf = <const I>(items: I) => ({ type: 'array', items }) as const;
