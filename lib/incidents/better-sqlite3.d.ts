// better-sqlite3 ships no type declarations and @types/better-sqlite3 is not installed.
// This declares only the surface lib/incidents uses. Rows come back as `unknown` on purpose:
// the store parses them with zod, so a hand-edited or older database cannot smuggle bad data in.
// Ambient module declarations win over node_modules, so this keeps working if @types is added.
declare module 'better-sqlite3' {
  export interface Options {
    readonly?: boolean;
    fileMustExist?: boolean;
    timeout?: number;
  }

  export interface RunResult {
    changes: number;
    lastInsertRowid: number | bigint;
  }

  export type BindValue = string | number | bigint | null;

  export interface Statement {
    run(...params: BindValue[]): RunResult;
    get(...params: BindValue[]): unknown;
    all(...params: BindValue[]): unknown[];
  }

  export interface Transaction<A extends unknown[], R> {
    (...args: A): R;
    deferred(...args: A): R;
    immediate(...args: A): R;
    exclusive(...args: A): R;
  }

  export interface Database {
    readonly open: boolean;
    readonly inTransaction: boolean;
    readonly name: string;
    prepare(source: string): Statement;
    exec(source: string): this;
    pragma(source: string, options?: { simple?: boolean }): unknown;
    transaction<A extends unknown[], R>(fn: (...args: A) => R): Transaction<A, R>;
    close(): this;
  }

  interface DatabaseConstructor {
    new (filename?: string, options?: Options): Database;
  }

  const Database: DatabaseConstructor;
  export default Database;
}
