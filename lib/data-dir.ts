import path from 'node:path';

/**
 * The folder for the portal's files that are not the database: uploaded images and the
 * generated session secret. DATA_DIR, default `data` beside the working directory.
 */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || 'data');
}
