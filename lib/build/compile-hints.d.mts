export const COMPILE_HINT: string;
export function withCompileHint(source: string): string;
export function bootChunks(manifest: unknown, file?: string): string[];
