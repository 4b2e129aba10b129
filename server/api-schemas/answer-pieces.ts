// Pieces of the answer schemas: values as the JSON of an answer writes them (dates as ISO strings, ids as hex).
export const dateTime = { type: 'string', format: 'date-time' } as const;
export const objectIdHex = { type: 'string', pattern: '^[a-f0-9]{24}$' } as const;
export const plainString = { type: 'string' } as const;
export const stringList = { type: 'array', items: plainString } as const;
export const arrayOf = <const I>(items: I) => ({ type: 'array', items }) as const;
