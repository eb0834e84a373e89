/**
 * Which failures mean "storage cannot take writes" (read-only or full data directory, I/O
 * error, a database that is not one): the desk answers those with a localized 503 and keeps
 * what the editor typed. Anything else is a bug and gets a generic 500.
 */

export class DeskUnavailable extends Error {
  override readonly name = 'DeskUnavailable';
}

const storageCodes = /^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|BUSY|LOCKED|CORRUPT|NOTADB|PERM|PROTOCOL)/;
const fsCodes = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EIO', 'ENOTDIR', 'EISDIR']);

export function isStorageFailure(error: unknown): boolean {
  if (error instanceof DeskUnavailable) return true;
  if (typeof error !== 'object' || error === null || !('code' in error) || typeof error.code !== 'string') return false;
  return storageCodes.test(error.code) || fsCodes.has(error.code);
}
